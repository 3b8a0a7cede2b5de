package ca.gardien.complaints;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A complaint file as another module names it when it refers to one (a legal hold): its reference ("C-2026-00007"),
 * its subject and the day it was received, nothing of the complainant.
 */
@org.springframework.modulith.NamedInterface("views")
public record ComplaintTitle(UUID id, String reference, String subject, LocalDate receivedOn) {}
