package ca.gardien.complaints;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A complaint as another module's page shows it (a rights request's page): its id, reference, status and due date, nothing of the
 * complainant. Only files the reader may open are listed.
 */
@org.springframework.modulith.NamedInterface("views")
public record ComplaintLink(UUID id, String reference, ComplaintStatus status, LocalDate dueOn) {}
