package ca.gardien.governance;

import ca.gardien.shared.RowsById;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The titles of training campaigns by id, in one query: the ledger page names a page's campaigns at once. */
@Service
@org.springframework.modulith.NamedInterface("views")
public class CampaignNames implements ca.gardien.shared.ObjectNames {

    private final JdbcClient jdbc;
    private final org.springframework.context.MessageSource messages;

    CampaignNames(JdbcClient jdbc, org.springframework.context.MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public String objectType() {
        return "campaign";
    }

    /** The campaigns among these ids that exist, by their title between quotation marks. */
    @Override
    public Map<UUID, String> names(Collection<UUID> ids, java.util.Locale locale) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return RowsById.of(
                jdbc,
                "SELECT id, title FROM governance_campaign",
                ids,
                (rs, n) -> messages.getMessage("shared.named.titled", new Object[] {rs.getString("title")}, locale));
    }

    @Override
    public String page(UUID id) {
        return TrainingPages.PAGE + "/" + id;
    }
}
