package ca.gardien.complaints;

import java.time.Instant;

/**
 * One step of a file's timeline: its name (a bundle key {@code complaints.step.<step>} says it in words), the note's
 * text or the kind of document, who took it and when.
 */
@org.springframework.modulith.NamedInterface("views")
public record ComplaintStep(String step, String detail, String actor, Instant at) {

    private static final java.util.regex.Pattern RECORD_FORM =
            java.util.regex.Pattern.compile("Actor\\[kind=(\\w+), id=(.*)]");

    /** Lines written before the {@code KIND:id} form held the record's text, {@code Actor[kind=…, id=…]}. */
    static String actorOf(String stored) {
        var old = stored == null ? null : RECORD_FORM.matcher(stored);
        return old != null && old.matches() ? old.group(1) + ":" + old.group(2) : stored;
    }
}
