package ca.gardien.console;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * One line of the requests queue as the page prints it, every label already in the page's language. The queue is the
 * console's busiest list: its rows were the bulk of the page's rendering time (a message look-up and a date format per
 * cell, evaluated by reflection), so the controller prepares the words once per distinct value and
 * the template only prints properties (public, so that Thymeleaf's compiled expressions read them directly).
 */
public record QueueLine(
        String id,
        String dueOn,
        String urgency,
        String urgencyLabel,
        String reference,
        String requester,
        String type,
        String status,
        String jurisdiction,
        String received) {

    /**
     * The key of a request's status as the queue and its CSV say it: a sent answer whose message waits in the outbox is
     * said placed there, not sent; one whose message came back, not delivered (the request's page says the same).
     */
    static String statusKey(ca.gardien.requests.QueueQuery.Row r) {
        return "rq.status." + r.status() + (r.answerHeld() ? ".held" : r.answerUndelivered() ? ".undelivered" : "");
    }

    /** A request's regime in the page's words ({@code rq.jurisdiction.QC}), its code when no words are known. */
    static String jurisdiction(ca.gardien.requests.QueueQuery.Row r, MessageSource messages, Locale locale) {
        return messages.getMessage("rq.jurisdiction." + r.jurisdiction(), null, r.jurisdiction(), locale);
    }

    /** Makes the lines of one page: each distinct label is looked up once. */
    static final class Printer {

        private final MessageSource messages;
        private final Locale locale;
        private final java.util.function.Function<String, ZoneId> zones;
        private final ConsoleTimes times;
        private final Map<String, String> labels = new HashMap<>();

        /**
         * @param zones the time zone of each jurisdiction: a request's receipt is shown in its own (the day its time
         *     limit counts from), with the zone's name
         */
        Printer(
                MessageSource messages,
                Locale locale,
                java.util.function.Function<String, ZoneId> zones,
                ConsoleTimes times) {
            this.messages = messages;
            this.locale = locale;
            this.zones = zones;
            this.times = times;
        }

        QueueLine line(RequestQueue.Row row) {
            var r = row.request();
            return new QueueLine(
                    r.id().toString(),
                    r.dueOn().toString(),
                    row.urgency(),
                    label("rq.urgency." + row.urgency(), row.days()),
                    r.reference(),
                    ca.gardien.shared.SubjectIdentifier.readable(r.requester()),
                    label("crq.type." + r.type(), null),
                    label(statusKey(r), null),
                    labels.computeIfAbsent(
                            "rq.jurisdiction." + r.jurisdiction(), k -> jurisdiction(r, messages, locale)),
                    r.receivedDay() != null
                            ? r.receivedDay().toString()
                            : times.at(r.receivedAt(), zones.apply(r.jurisdiction())));
        }

        private String label(String key, Long count) {
            return labels.computeIfAbsent(
                    count == null ? key : key + "#" + count,
                    k -> messages.getMessage(key, count == null ? null : new Object[] {count}, key, locale));
        }
    }
}
