package ca.gardien.requests;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * What a refusal's answer form starts with for the remedy, from the request's jurisdiction profile: the time limit in
 * days the profile sets ({@code remedy-days}) and, in the request's language, the details the letter adds after its own
 * sentence on the remedy ({@code letter.remedy-details.<jurisdiction>} in {@code i18n/requests}: for Québec, where to reach the
 * Commission d'accès à l'information). The letter states the remedy itself ({@code letter.time-limit.<jurisdiction>});
 * what staff type in the remedy field is printed after that sentence, never instead of it.
 */
@Component
@NamedInterface("views")
public class RemedyDefaults {

    /**
     * @param details the details the letter adds after its sentence on the remedy; null when the profile has none
     * @param days the remedy's time limit in days; null when the profile sets none
     */
    public record Remedy(String details, Integer days) {}

    private final Deadlines deadlines;
    private final MessageSource texts;

    RemedyDefaults(Deadlines deadlines, MessageSource texts) {
        this.deadlines = deadlines;
        this.texts = texts;
    }

    /** The remedy a refusal of this request starts with, in its language. */
    public Remedy of(RightsRequest request) {
        var locale = Locale.forLanguageTag(request.language());
        var details = texts.getMessage("letter.remedy-details." + request.jurisdiction(), null, null, locale);
        return new Remedy(
                details == null ? null : new java.text.MessageFormat(details, locale).format(null),
                deadlines.remedyDays(request.jurisdiction()));
    }
}
