package ca.gardien.assessments;

import ca.gardien.shared.RowsById;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The titles of assessments by id, in one query: the ledger page names a page's assessments at once. */
@Service
@org.springframework.modulith.NamedInterface("views")
public class AssessmentNames implements ca.gardien.shared.ObjectNames {

    private final JdbcClient jdbc;
    private final org.springframework.context.MessageSource messages;

    AssessmentNames(JdbcClient jdbc, org.springframework.context.MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public String objectType() {
        return "assessment";
    }

    /** The assessments among these ids that exist, by their title between quotation marks. */
    @Override
    public Map<UUID, String> names(Collection<UUID> ids, java.util.Locale locale) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return RowsById.of(
                jdbc,
                "SELECT id, title FROM assessments_assessment",
                ids,
                (rs, n) -> messages.getMessage("shared.named.titled", new Object[] {rs.getString("title")}, locale));
    }

    @Override
    public String page(UUID id) {
        return "/console/assessments/" + id;
    }
}
