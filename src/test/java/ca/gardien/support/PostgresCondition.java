package ca.gardien.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips PostgreSQL tests when no server is configured, unless the build requires them. */
public class PostgresCondition implements ExecutionCondition {

    public static final String URL_VARIABLE = "GARDIEN_TEST_POSTGRES_URL";
    public static final String REQUIRE_VARIABLE = "GARDIEN_TEST_REQUIRE_POSTGRES";

    public static String url() {
        return System.getenv(URL_VARIABLE);
    }

    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var url = url();
        if (url == null || url.isBlank()) {
            return unavailable(URL_VARIABLE + " is not set: PostgreSQL tests skipped (set it to run them)");
        }
        try (var connection = DriverManager.getConnection(url)) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL_VARIABLE);
        } catch (SQLException e) {
            return unavailable("PostgreSQL at " + URL_VARIABLE + " does not answer (" + e.getSQLState() + ")");
        }
    }

    private static ConditionEvaluationResult unavailable(String why) {
        if (required()) {
            throw new IllegalStateException(REQUIRE_VARIABLE + "=true but " + why);
        }
        return ConditionEvaluationResult.disabled(why);
    }
}
