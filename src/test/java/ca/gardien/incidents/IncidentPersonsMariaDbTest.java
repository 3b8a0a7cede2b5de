package ca.gardien.incidents;

import ca.gardien.connectors.MariaDbCondition;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;

/** The persons of an incident found on a real MariaDB, in a fresh database dropped afterwards. */
@ExtendWith(MariaDbCondition.class)
class IncidentPersonsMariaDbTest extends IncidentPersonsAcceptance {

    private String database;

    @Override
    String freshDatabase() {
        database =
                "gardien_inc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        MariaDbCondition.execute("CREATE DATABASE " + database);
        return MariaDbCondition.url().replaceFirst("(jdbc:mariadb://[^/?]+)/?[^?]*", "$1/" + database);
    }

    @Override
    void dropDatabase() {
        MariaDbCondition.execute("DROP DATABASE IF EXISTS " + database);
    }
}
