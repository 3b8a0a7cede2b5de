package ca.gardien.complaints;

import java.time.Instant;

/**
 * One step of a file's timeline: its name (a bundle key {@code complaints.step.<step>} says it in words), the note's
 * text or the kind of document, who took it and when.
 */
@org.springframework.modulith.NamedInterface("views")
public record ComplaintStep(String step, String detail, String actor, Instant at) {}
