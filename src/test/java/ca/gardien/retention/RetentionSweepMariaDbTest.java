package ca.gardien.retention;

import ca.gardien.connectors.MariaDbCondition;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;

/** The retention sweeps on a real MariaDB (SKIP LOCKED), in a fresh database dropped afterwards. */
@ExtendWith(MariaDbCondition.class)
class RetentionSweepMariaDbTest extends RetentionSweepAcceptance {

    private String database;

    @Override
    String freshDatabase() {
        database =
                "gardien_ret_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        MariaDbCondition.execute("CREATE DATABASE " + database);
        return MariaDbCondition.url().replaceFirst("(jdbc:mariadb://[^/?]+)/?[^?]*", "$1/" + database);
    }

    @Override
    void dropDatabase() {
        MariaDbCondition.execute("DROP DATABASE IF EXISTS " + database);
    }
}
