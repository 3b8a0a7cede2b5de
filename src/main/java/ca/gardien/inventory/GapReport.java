package ca.gardien.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** The legal gaps of the current data map, explained in French and English. */
@Service
@EnableConfigurationProperties(InventoryProperties.class)
@org.springframework.modulith.NamedInterface("views")
public class GapReport {

    private final Inventory inventory;
    private final InventoryProperties settings;
    private final MessageSource messages;
    private final Clock clock;

    GapReport(Inventory inventory, InventoryProperties settings, MessageSource messages, Clock clock) {
        this.inventory = inventory;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    public List<Gap> gaps(Locale locale) {
        return gaps(inventory.current(), locale);
    }

    List<Gap> gaps(DataMap map, Locale locale) {
        var today = LocalDate.ofInstant(clock.instant(), clock.getZone());
        return GapRules.check(map, today, settings).stream()
                .map(f -> explain(f, map, locale))
                .toList();
    }

    private Gap explain(Finding f, DataMap map, Locale locale) {
        var rule = f.rule();
        var text = new Text(text(f, map, Locale.FRENCH), text(f, map, Locale.ENGLISH));
        return new Gap(
                rule.id(),
                rule.severity(),
                settings.legalReferences().getOrDefault(rule.id(), rule.defaultLegalReference()),
                text.in(locale),
                text,
                f.object(),
                f.related());
    }

    private String text(Finding f, DataMap map, Locale locale) {
        Object[] args = {
            named(f.object(), map, locale),
            String.join(
                    ", ", f.related().stream().map(p -> named(p, map, locale)).toList())
        };
        return messages.getMessage("inventory.gap." + f.rule().id(), args, locale);
    }

    /**
     * An object of the map as a person reads it: its name in quotes (« CRM », “CRM”), not its path in the YAML
     * ({@code systems/crm}); the id when the object has no name, the path when it is not in the map.
     */
    private String named(String path, DataMap map, Locale locale) {
        var slash = path.indexOf('/');
        if (slash < 0) {
            return path;
        }
        var list = path.substring(0, slash);
        var id = path.substring(slash + 1);
        for (var section : map.sections()) {
            if (section.name().equals(list)) {
                for (var item : section.items()) {
                    if (item.id().equals(id)) {
                        return messages.getMessage(
                                "inventory.gap.named", new Object[] {item.displayName(locale)}, locale);
                    }
                }
            }
        }
        return path;
    }
}
