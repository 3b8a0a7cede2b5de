package ca.gardien.connectors;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** A planted CRM in a private in-memory H2 database, registered and annotated as a fresh connector for each test. */
abstract class H2CrmSupport extends ConnectorTestSupport {

    @Autowired
    ConnectorCatalog catalog;

    CrmDatabase crm;
    String connector;

    /** Changes to the CRM made before it is registered (its schema is read after them). */
    void prepare(Statement crmStatement) throws SQLException {}

    @BeforeEach
    void plantedCrm() throws Exception {
        crm = new CrmDatabase("jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        crm.create();
        crm.plant();
        try (var c = crm.connect();
                var s = c.createStatement()) {
            prepare(s);
        }
        connector = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        register(connector, crm.url(), crm.user(), crm.password());
        annotate(CrmDatabase.ANNOTATIONS.formatted(connector));
    }

    @AfterEach
    void dropCrm() throws Exception {
        catalog.evict(connector); // the suite shares one context: release the pool before the database goes
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
