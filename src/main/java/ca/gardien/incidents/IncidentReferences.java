package ca.gardien.incidents;

import ca.gardien.shared.References;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register's human references ("I-2026-00003"): the year an entry was recorded, in the organization's time, and a
 * number from the sequence {@code incidents_reference_seq}; and, for pages that name entries (the ledger, a complaint,
 * a retention hold), references by id and ids by reference. They name entries, nothing about any person.
 */
@Component
@org.springframework.modulith.NamedInterface("actions")
public class IncidentReferences {

    private final JdbcClient jdbc;
    private final References references;
    private final ca.gardien.organization.OrganizationTime time;

    IncidentReferences(JdbcClient jdbc, References references, ca.gardien.organization.OrganizationTime time) {
        this.jdbc = jdbc;
        this.references = references;
        this.time = time;
    }

    /** The reference of an entry recorded now. */
    String next(Instant recordedAt) {
        var year = time.day(recordedAt).getYear();
        return references.next("I", "incidents_reference_seq", year);
    }

    /** The references of these entries (those still in the register), by id; one query. */
    public Map<UUID, String> of(Collection<UUID> ids) {
        return References.of(jdbc, "incident", ids);
    }

    /** The entry a reference names, as staff type it ("i-2026-3"), if there is one. */
    public Optional<UUID> idOf(String typed) {
        var reference = References.parse(typed);
        if (reference == null || !reference.startsWith("I-")) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM incident WHERE reference = ?")
                .param(reference)
                .query(UUID.class)
                .optional();
    }
}
