package ca.gardien.incidents;

import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;

/** What the notice to the Commission says about the persons concerned (its item 8). */
final class PersonsNoticeLine {

    private PersonsNoticeLine() {}

    /**
     * Item 8 of the notice to the Commission, as the entry stands: the persons notified (on a date, or by a public
     * notice), to be notified only when the assessment concluded to a risk of serious injury and no reason to wait is
     * recorded; otherwise what applies (not assessed yet, no serious risk, the reason recorded for no notice).
     */
    static String of(Incident i, MessageSource messages, Locale locale) {
        if (i.personsNoticeOn() != null) {
            return text(
                    messages,
                    "incidents.notice.persons-notified-on",
                    locale,
                    i.personsNoticeOn().toString());
        }
        if (i.publicNotice()) {
            return text(messages, "incidents.notice.public", locale, Objects.toString(i.publicNoticeReason(), ""));
        }
        if (i.assessment() == null) {
            return text(messages, "incidents.notice.persons-not-assessed", locale);
        }
        if (!i.serious()) {
            return text(messages, "incidents.notice.persons-not-required", locale);
        }
        return i.noNoticeReason() != null
                ? text(messages, "incidents.notice.persons-withheld", locale, i.noNoticeReason())
                : text(messages, "incidents.notice.persons-pending", locale);
    }

    private static String text(MessageSource messages, String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
