package ca.gardien.connectors;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs MariaDB tests against {@code GARDIEN_TEST_MARIADB_URL} (default: root on 127.0.0.1:3306); skips them with a
 * message when the server does not answer, unless {@code GARDIEN_TEST_REQUIRE_MARIADB=true}.
 */
public class MariaDbCondition implements ExecutionCondition {

    static final String URL_VARIABLE = "GARDIEN_TEST_MARIADB_URL";
    static final String REQUIRE_VARIABLE = "GARDIEN_TEST_REQUIRE_MARIADB";

    public static String url() {
        var url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? "jdbc:mariadb://127.0.0.1:3306/?user=root" : url;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (var connection = DriverManager.getConnection(url())) {
            return ConditionEvaluationResult.enabled("MariaDB answers");
        } catch (SQLException e) {
            var why = "MariaDB at " + URL_VARIABLE + " (or 127.0.0.1:3306) does not answer (" + e.getSQLState()
                    + "): MariaDB tests skipped";
            if ("true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
                throw new IllegalStateException(REQUIRE_VARIABLE + "=true but " + why);
            }
            return ConditionEvaluationResult.disabled(why);
        }
    }

    public static void execute(String sql) {
        try (var connection = DriverManager.getConnection(url());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB test setup failed: " + e.getSQLState(), e);
        }
    }
}
