package ca.gardien.governance;

import ca.gardien.inventory.Inventory;
import ca.gardien.shared.ObjectNames;
import ca.gardien.shared.RowsById;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A service provider's written commitment as the ledger names it: the provider by its name in the data map and the day
 * it was signed, one query per page (officer's review: "Engagement de confidentialité 12723917-f4c6-…"), linked to the
 * providers' page.
 */
@Component
class CommitmentNames implements ObjectNames {

    private final JdbcClient jdbc;
    private final Inventory inventory;
    private final MessageSource messages;

    CommitmentNames(JdbcClient jdbc, Inventory inventory, MessageSource messages) {
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.messages = messages;
    }

    @Override
    public String objectType() {
        return "commitment";
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> ids, Locale locale) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var providers = new HashMap<String, String>();
        inventory.current().thirdParties().forEach(t -> providers.put(t.id(), t.name(locale)));
        return RowsById.of(
                jdbc, "SELECT id, third_party_id, signed_on FROM governance_provider_commitment", ids, (rs, n) -> {
                    var provider = rs.getString("third_party_id");
                    return messages.getMessage(
                            "governance.named.commitment",
                            new Object[] {providers.getOrDefault(provider, provider), rs.getString("signed_on")},
                            locale);
                });
    }

    @Override
    public String page(UUID id) {
        return RegisterPages.PROVIDERS;
    }
}
