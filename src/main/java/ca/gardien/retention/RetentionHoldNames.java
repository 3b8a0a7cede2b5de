package ca.gardien.retention;

import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.RowsById;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Legal holds by id in words, in one query: what they hold (a connector, a table, or a person by the kind of their
 * identifier, never its value) and the day they were placed; the ledger page names a page's holds at once.
 */
@Service
@org.springframework.modulith.NamedInterface("views")
public class RetentionHoldNames implements ca.gardien.shared.ObjectNames {

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final OrganizationTime time;

    RetentionHoldNames(JdbcClient jdbc, MessageSource messages, OrganizationTime time) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.time = time;
    }

    @Override
    public String objectType() {
        return "retention-hold";
    }

    /** The holds among these ids that exist, in the page's language. */
    @Override
    public Map<UUID, String> names(Collection<UUID> ids, Locale locale) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return RowsById.of(
                jdbc,
                "SELECT id, connector, table_name, subject_kind, created_at FROM retention_hold",
                ids,
                (rs, n) -> messages.getMessage(
                        "retention.hold.named",
                        new Object[] {
                            RetentionHoldLines.scope(
                                    rs.getString("connector"),
                                    rs.getString("table_name"),
                                    rs.getString("subject_kind"),
                                    messages,
                                    locale),
                            time.day(rs.getObject("created_at", OffsetDateTime.class)
                                            .toInstant())
                                    .toString()
                        },
                        locale));
    }

    @Override
    public String page(UUID id) {
        return "/console/retention#holds";
    }
}
