package ca.gardien.retention;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The data map's retention rules as a form offers them (the connector page, where a table is kept under a rule): each
 * by its name, its period in words and what happens at its end, as the retention page says them.
 */
@Component
@org.springframework.modulith.NamedInterface("views")
public class RetentionRuleChoices {

    private final RetentionSchedules schedules;
    private final RetentionRuleLines lines;
    private final MessageSource messages;

    RetentionRuleChoices(RetentionSchedules schedules, RetentionRuleLines lines, MessageSource messages) {
        this.schedules = schedules;
        this.lines = lines;
        this.messages = messages;
    }

    /** The rules by id, in the data map's order: « Commandes — 6 ans après la clôture de la commande (destruction) ». */
    public Map<String, String> of(Locale locale) {
        var choices = new LinkedHashMap<String, String>();
        schedules.all().forEach(s -> {
            var r = s.rule();
            choices.put(
                    r.id(),
                    messages.getMessage(
                            "retention.rule-choice",
                            new Object[] {
                                r.name() == null ? r.id() : r.name().in(locale),
                                lines.period(r, locale),
                                messages.getMessage("retention.console.disposal." + r.disposal(), null, locale)
                            },
                            locale));
        });
        return choices;
    }
}
