package ca.gardien.governance;

import ca.gardien.shared.ObjectNames;
import ca.gardien.shared.RowsById;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The person in charge's written records as the ledger names them: a delegation to whom and from when, the substitute
 * designated, an absence and its days (officer's review: "Désignation de la personne responsable fa9bb5f0-…" for each
 * kind alike), one query per page, linked to the person-in-charge page.
 */
@Component
class OfficerRecordNames implements ObjectNames {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    OfficerRecordNames(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public String objectType() {
        return "officer-record";
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids, Locale locale) {
        return RowsById.of(
                jdbc,
                "SELECT id, kind, name, starts_on, ends_on FROM governance_officer_record",
                ids,
                (rs, n) -> messages.getMessage(
                        "governance.named.record." + rs.getString("kind"),
                        new Object[] {rs.getString("name"), rs.getString("starts_on"), rs.getString("ends_on")},
                        locale));
    }

    @Override
    public String page(UUID id) {
        return OfficerPages.PAGE;
    }
}
