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
                .map(f -> explain(f, locale))
                .toList();
    }

    private Gap explain(Finding f, Locale locale) {
        var rule = f.rule();
        var text = new Text(text(f, Locale.FRENCH), text(f, Locale.ENGLISH));
        return new Gap(
                rule.id(),
                rule.severity(),
                settings.legalReferences().getOrDefault(rule.id(), rule.defaultLegalReference()),
                text.in(locale),
                text,
                f.object(),
                f.related());
    }

    private String text(Finding f, Locale locale) {
        Object[] args = {f.object(), String.join(", ", f.related())};
        return messages.getMessage("inventory.gap." + f.rule().id(), args, locale);
    }
}
