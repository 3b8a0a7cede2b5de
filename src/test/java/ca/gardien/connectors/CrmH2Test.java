package ca.gardien.connectors;

import java.util.UUID;

/** The acceptance scenario on an H2 database (in memory, separate from Gardien's own). */
class CrmH2Test extends CrmAcceptance {

    @Override
    CrmDatabase freshDatabase() {
        return new CrmDatabase("jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Override
    void dropDatabase() throws Exception {
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
