package ca.gardien.complaints;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Complaint references ("C-2026-00007") by id and ids by reference, for pages that name files (the ledger). */
@Component
class ComplaintReferences {

    private final JdbcClient jdbc;

    ComplaintReferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, String> of(Collection<UUID> ids) {
        return ca.gardien.shared.References.of(jdbc, "complaints_complaint", ids);
    }

    Optional<UUID> idOf(String reference) {
        return jdbc.sql("SELECT id FROM complaints_complaint WHERE reference = ?")
                .param(reference)
                .query(UUID.class)
                .optional();
    }
}
