package ca.gardien.complaints;

import java.time.Instant;

/**
 * One step of a file's timeline: its name (a bundle key {@code complaints.step.<step>} says it in words), the note's
 * text or the kind of document, who took it and when, and whether the letter it emailed stays in the outbox ({@code
 * held}: no mail server was configured; its words then say it was placed there, {@code complaints.step.<step>.held}).
 */
@org.springframework.modulith.NamedInterface("views")
public record ComplaintStep(
        String step,
        String detail,
        String actor,
        Instant at,

        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_DEFAULT)
        boolean held) {

    /** The steps whose detail holds their days (ISO 8601, space-separated): the timeline says them in words. */
    private static final java.util.Set<String> DATED =
            java.util.Set.of("information-received", "delay-notice", AnswerTransmitted.STEP);

    /**
     * The detail of a dated step: the day information was received and the new due date, or a delay notice's new due
     * date (officer's review: the timeline said "nouveau délai de 30 jours" without either day).
     */
    static String daysOf(java.time.LocalDate... days) {
        return java.util.Arrays.stream(days)
                .map(java.time.LocalDate::toString)
                .collect(java.util.stream.Collectors.joining(" "));
    }

    /** Whether the step carries its days (steps recorded before they did carry none). */
    public boolean dated() {
        return detail != null && DATED.contains(step);
    }

    /** A dated step's days, in order, for its words ({@code complaints.step.<step>.dated}); none otherwise. */
    public java.util.List<String> days() {
        if (!dated()) {
            return java.util.List.of();
        }
        // an answer transmitted another way: its day, then the means typed (a line, spaces in it)
        return AnswerTransmitted.STEP.equals(step)
                ? java.util.List.of(detail.split(" ", 2)[0])
                : java.util.List.of(detail.split(" "));
    }

    /** How an answer held in the outbox reached the complainant another way, as typed; null for other steps. */
    public String means() {
        var parts = dated() && AnswerTransmitted.STEP.equals(step) ? detail.split(" ", 2) : null;
        return parts == null || parts.length < 2 ? null : parts[1];
    }

    private static final java.util.regex.Pattern RECORD_FORM =
            java.util.regex.Pattern.compile("Actor\\[kind=(\\w+), id=(.*)]");

    /** Lines written before the {@code KIND:id} form held the record's text, {@code Actor[kind=…, id=…]}. */
    static String actorOf(String stored) {
        var old = stored == null ? null : RECORD_FORM.matcher(stored);
        return old != null && old.matches() ? old.group(1) + ":" + old.group(2) : stored;
    }
}
