package ca.gardien.connectors;

import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;

/** The acceptance scenario on the real MariaDB, in a fresh database {@code gardien_it_<random>} dropped afterwards. */
@ExtendWith(MariaDbCondition.class)
class CrmMariaDbTest extends CrmAcceptance {

    private String database;

    @Override
    CrmDatabase freshDatabase() {
        database = "gardien_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        MariaDbCondition.execute("CREATE DATABASE " + database);
        var base = MariaDbCondition.url();
        var url = base.replaceFirst("(jdbc:mariadb://[^/?]+)/?[^?]*", "$1/" + database);
        return new CrmDatabase(url, null, null);
    }

    @Override
    void dropDatabase() {
        MariaDbCondition.execute("DROP DATABASE IF EXISTS " + database);
    }
}
