package ca.gardien.incidents;

import ca.gardien.connectors.PersonCensus;
import ca.gardien.shared.SubjectKey;
import ca.gardien.shared.SubjectKeys;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The key of an incident's persons list (crypto-shredding): the addresses found through a connector are sealed under a
 * key of the incident's own ({@code incident.persons_key}), kept outside the database, and the key is destroyed as soon
 * as the list holds no address any more (every person notified, or the notices declared done). A database dump taken
 * while the list was held then has nothing readable about the persons. Addresses found before (sealed with the
 * connectors' key) are still read through the census until they are erased.
 */
@Component
class PersonsKeys {

    private final JdbcClient jdbc;
    private final SubjectKeys keys;
    private final PersonCensus census;

    PersonsKeys(JdbcClient jdbc, SubjectKeys keys, PersonCensus census) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.census = census;
    }

    /** The key to seal new addresses under, created at the first; the caller holds the incident's entry locked. */
    SubjectKey forSealing(UUID incidentId) {
        var id = current(incidentId);
        if (id == null) {
            id = keys.create();
            jdbc.sql("UPDATE incident SET persons_key = ? WHERE id = ?")
                    .params(id, incidentId)
                    .update();
        }
        return keys.key(id);
    }

    /** Opens the incident's stored addresses: sealed under its key, or (found before) under the connectors' key. */
    UnaryOperator<String> opener(UUID incidentId) {
        var key = keys.key(current(incidentId));
        return stored ->
                stored == null ? null : stored.startsWith(SubjectKeys.PREFIX) ? key.open(stored) : census.open(stored);
    }

    /** Destroys the key (once the transaction commits) when no address of the incident is held any more. */
    boolean forgetWhenEmpty(UUID incidentId) {
        var id = current(incidentId);
        if (id == null) {
            return false;
        }
        var held = jdbc.sql("SELECT COUNT(*) FROM incident_person WHERE incident_id = ? AND email_sealed IS NOT NULL")
                .param(incidentId)
                .query(Long.class)
                .single();
        if (held > 0) {
            return false;
        }
        jdbc.sql("UPDATE incident SET persons_key = NULL WHERE id = ?")
                .param(incidentId)
                .update();
        // after the commit: a send that fails and rolls back still needs the addresses it did not queue
        var key = id;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    keys.shred(key);
                }
            });
        } else {
            keys.shred(key);
        }
        return true;
    }

    private UUID current(UUID incidentId) {
        return jdbc.sql("SELECT persons_key FROM incident WHERE id = ?")
                .param(incidentId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional()
                .orElse(null);
    }
}
