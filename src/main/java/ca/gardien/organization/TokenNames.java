package ca.gardien.organization;

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
 * An API token as the ledger names it: by the name its holder gave it (officer's review: "Jeton d'API 3802f7ea-…"),
 * one query per page. No page shows another's tokens, so none is linked.
 */
@Component
class TokenNames implements ObjectNames {

    private final JdbcClient jdbc;
    private final MessageSource messages;

    TokenNames(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @Override
    public String objectType() {
        return "api-token";
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids, Locale locale) {
        return RowsById.of(
                jdbc,
                "SELECT id, name FROM api_token",
                ids,
                (rs, n) -> messages.getMessage("shared.named.titled", new Object[] {rs.getString("name")}, locale));
    }
}
