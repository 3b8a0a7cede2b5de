package ca.gardien.complaints;

import java.util.Collection;
import java.util.HashMap;
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
        var found = new HashMap<UUID, String>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, reference FROM complaints_complaint WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query((rs, n) -> found.put(rs.getObject("id", UUID.class), rs.getString("reference")))
                    .list();
        }
        return found;
    }

    Optional<UUID> idOf(String reference) {
        return jdbc.sql("SELECT id FROM complaints_complaint WHERE reference = ?")
                .param(reference)
                .query(UUID.class)
                .optional();
    }
}
