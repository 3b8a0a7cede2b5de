package ca.gardien.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.connectors.Refusal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gardien's own database is never a connector's target, however its URL is written (finding H1). */
class OwnDatabaseTest {

    @TempDir
    Path dir;

    static List<String> codes(String ownUrl, String candidate) {
        var policy = JdbcPolicyTest.policy(true, Map.of(), ownUrl);
        return policy.refusals(candidate).stream().map(Refusal::code).toList();
    }

    @Test
    void theProbesFileUrlToGardiensOwnH2DatabaseIsRefusedInEverySpelling() throws Exception {
        var data = Files.createDirectories(dir.resolve("data"));
        var own = "jdbc:h2:file:" + data.resolve("gardien") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        Files.createSymbolicLink(dir.resolve("link"), data);

        for (var candidate : List.of(
                "jdbc:h2:file:" + data.resolve("gardien"),
                "jdbc:h2:" + data.resolve("gardien"),
                "jdbc:h2:file:" + dir + "/data/../data/./gardien",
                "jdbc:h2:file:" + data.resolve("gardien.mv.db"),
                "jdbc:h2:file:" + dir + "/DATA/GARDIEN",
                "jdbc:h2:file:" + dir.resolve("link").resolve("gardien") + ";IFEXISTS=TRUE",
                "jdbc:h2:file:" + data.resolve("other"))) {
            assertThat(codes(own, candidate)).as(candidate).containsExactly("own-database");
        }
        assertThat(codes(own, "jdbc:h2:file:" + dir.resolve("elsewhere").resolve("crm")))
                .isEmpty();
    }

    @Test
    void aRelativeOrHomePathIsMadeAbsoluteBeforeComparing() {
        var cwd = Path.of("").toAbsolutePath();
        var own = "jdbc:h2:file:./target/own-db-test/gardien;WRITE_DELAY=0";
        assertThat(codes(own, "jdbc:h2:file:" + cwd.resolve("target/own-db-test/gardien")))
                .containsExactly("own-database");
        var home = Path.of(System.getProperty("user.home"));
        assertThat(codes(
                        "jdbc:h2:~/gardien-own-db-test/gardien",
                        "jdbc:h2:file:" + home + "/gardien-own-db-test/gardien"))
                .containsExactly("own-database");
    }

    @Test
    void gardiensInMemoryDatabaseIsRefusedByNameButAPrivateOneIsNot() {
        var own = "jdbc:h2:mem:gardien-1234;DB_CLOSE_DELAY=-1";
        assertThat(codes(own, own)).containsExactly("own-database");
        assertThat(codes(own, "jdbc:h2:mem:gardien-1234")).containsExactly("own-database");
        assertThat(codes(own, "jdbc:h2:mem:GARDIEN-1234;DB_CLOSE_DELAY=-1")).containsExactly("own-database");
        assertThat(codes(own, "jdbc:h2:mem:crm-1;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(codes(own, "jdbc:h2:mem:")).isEmpty();
    }

    @Test
    void anH2ServerOnThisMachineIsRefusedAsItMayServeGardiensFile() {
        var own = "jdbc:h2:file:/srv/gardien/data/gardien";
        assertThat(codes(own, "jdbc:h2:tcp://localhost/srv/gardien/data/gardien"))
                .containsExactly("local-h2-server");
        assertThat(codes(own, "jdbc:h2:ssl://127.0.0.1:9092/~/crm")).containsExactly("local-h2-server");
        assertThat(codes(own, "jdbc:h2:tcp://crm.example.test:9092/crm")).isEmpty();
        assertThat(codes("jdbc:h2:tcp://crm.example.test/srv/gardien", "jdbc:h2:tcp://10.0.0.9:9092/srv/gardien"))
                .as("the same server by address and default port, the same path")
                .containsExactly("own-database");
    }

    @Test
    void aPostgresqlConnectorToGardiensOwnHostPortAndDatabaseIsRefused() {
        var own = "jdbc:postgresql://db.internal:5432/gardien?currentSchema=app&sslmode=require";
        for (var candidate : List.of(
                "jdbc:postgresql://db.internal/gardien",
                "jdbc:postgresql://DB.INTERNAL:5432/GARDIEN?currentSchema=crm",
                "jdbc:postgresql://10.0.0.5:5432/gardien",
                "jdbc:postgresql://crm.example.test:5432,db.internal:5432/gardien",
                "jdbc:postgresql://db.internal:5432/")) {
            assertThat(codes(own, candidate)).as(candidate).containsExactly("own-database");
        }
        assertThat(codes(own, "jdbc:postgresql://db.internal:5432/crm")).isEmpty();
        assertThat(codes(own, "jdbc:postgresql://db.internal:5433/gardien")).isEmpty();
        assertThat(codes(own, "jdbc:postgresql://crm.example.test:5432/gardien"))
                .isEmpty();
        assertThat(codes(own, "jdbc:mariadb://db.internal:5432/gardien")).isEmpty();
    }

    @Test
    void localhostAndALoopbackAddressAreTheSameServer() {
        var own = "jdbc:postgresql://localhost:5432/test?user=postgres";
        assertThat(codes(own, "jdbc:postgresql://127.0.0.1/test")).containsExactly("own-database");
        assertThat(codes(own, "jdbc:postgresql://127.0.0.2:5432/test")).containsExactly("own-database");
        assertThat(codes("jdbc:postgresql:test", "jdbc:postgresql://127.0.0.1:5432/test"))
                .containsExactly("own-database");
    }

    @Test
    void mariadbAndMysqlUrlsReachTheSameServers() {
        var own = "jdbc:mariadb://db.internal:3306/gardien";
        assertThat(codes(own, "jdbc:mysql://db.internal/gardien?permitMysqlScheme"))
                .containsExactly("own-database");
        assertThat(codes(own, "jdbc:mariadb://db.internal/crm")).isEmpty();
    }
}
