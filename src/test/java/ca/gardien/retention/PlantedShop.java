package ca.gardien.retention;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/** A fresh {@link RetentionShop} per test (in-memory H2 unless overridden), registered as a connector and annotated with its retention rules. */
abstract class PlantedShop extends RetentionTestSupport {

    @Autowired
    ca.gardien.connectors.ConnectorCatalog catalog;

    RetentionShop shop;
    String connector;

    private String h2;

    /** A fresh, empty database (or schema); its JDBC URL with credentials. By default a private in-memory H2. */
    String freshDatabase() throws Exception {
        h2 = RetentionShop.h2();
        return h2;
    }

    void dropDatabase() throws Exception {
        RetentionShop.shutdown(h2);
    }

    @BeforeEach
    void plant() throws Exception {
        shop = new RetentionShop(freshDatabase());
        shop.create();
        connector = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        register(connector, shop.url());
        annotate(RetentionShop.ANNOTATIONS.formatted(connector));
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate runs;

    @AfterEach
    void drop() throws Exception {
        // a run a failed test left running would keep the next test's runs of the same rule waiting
        runs.update("UPDATE retention_run SET status = 'FAILED' WHERE status IN ('RUNNING', 'PAUSED')");
        releaseHolds();
        forget(connector);
        ca.gardien.connectors.ConnectorPools.release(catalog, connector);
        dropDatabase();
    }
}
