package ca.gardien.retention;

import ca.gardien.shared.RowsById;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The rule and start of retention runs by id, in one query: the ledger page names a page's runs at once. */
@Service
@org.springframework.modulith.NamedInterface("views")
public class RetentionRunNames {

    /** What names a run for a person: its rule's id and name in the page's language, and when it was asked for. */
    public record RunName(String rule, String ruleName, Instant startedAt) {}

    private final JdbcClient jdbc;
    private final RetentionSchedules schedules;

    RetentionRunNames(JdbcClient jdbc, RetentionSchedules schedules) {
        this.jdbc = jdbc;
        this.schedules = schedules;
    }

    /** The runs among these ids that exist; a rule gone from the data map is named by its id. */
    public Map<UUID, RunName> of(Collection<UUID> ids, Locale locale) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var names = new HashMap<String, String>();
        schedules
                .all()
                .forEach(s -> names.put(
                        s.rule().id(),
                        s.rule().name() == null
                                ? s.rule().id()
                                : s.rule().name().in(locale)));
        return RowsById.of(
                jdbc,
                "SELECT id, rule_id, requested_at FROM retention_run",
                ids.stream().map(UUID::toString).toList(),
                (rs, n) -> new RunName(
                        rs.getString("rule_id"),
                        names.getOrDefault(rs.getString("rule_id"), rs.getString("rule_id")),
                        rs.getObject("requested_at", OffsetDateTime.class).toInstant()));
    }
}
