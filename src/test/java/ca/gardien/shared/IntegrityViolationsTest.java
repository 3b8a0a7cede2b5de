package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.connectors.MariaDbCondition;
import ca.gardien.shared.IntegrityViolations.Kind;
import ca.gardien.support.PostgresCondition;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * Code review: the API answered every integrity violation 409 "conflict" (a value too long, a check refused: bugs) while
 * the console answered only a unique key taken 409 and a reference to a row removed meanwhile 500. Both edges now read
 * a violation one way ({@link IntegrityViolations}), as H2, PostgreSQL and MariaDB report it: a unique key taken is a
 * 409 saying it already exists, a foreign key (the row referred to removed meanwhile, or a row still referring to the
 * one removed) a 409 saying the item it refers to changed or was removed, any other a logged error (its SQLState, never
 * its SQL) and a 500 that says nothing of the SQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class IntegrityViolationsTest {

    private final ErrorPages pages = new ErrorPages() {};

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void onH2EachViolationIsReadTheSameWayByTheApiAndThePages(CapturedOutput output) {
        check(
                new DriverManagerDataSource("jdbc:h2:mem:integrity-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
                "",
                output);
    }

    @Test
    @ExtendWith(PostgresCondition.class)
    void onPostgresqlEachViolationIsReadTheSameWayByTheApiAndThePages(CapturedOutput output) {
        check(new DriverManagerDataSource(PostgresCondition.url()), "", output);
    }

    @Test
    @ExtendWith(MariaDbCondition.class)
    void onMariadbEachViolationIsReadTheSameWayByTheApiAndThePages(CapturedOutput output) {
        var schema = "gardien_integrity_" + UUID.randomUUID().toString().substring(0, 8);
        MariaDbCondition.execute("CREATE DATABASE " + schema);
        try {
            check(new DriverManagerDataSource(MariaDbCondition.url()), schema + ".", output);
        } finally {
            MariaDbCondition.execute("DROP DATABASE " + schema);
        }
    }

    @Test
    void aFormStepThatMeetsABugsViolationIsNotWordedAsARefusal() {
        var notNull = new DataIntegrityViolationException("NULL not allowed");
        assertThatThrownBy(() -> FormSteps.at("/console/x").run(new RedirectAttributesModelMap(), () -> {
                    throw notNull;
                }))
                .isSameAs(notNull);
    }

    @Test
    void aFormStepSaysAReferenceRemovedMeanwhileAsAConflictAndThrowsABugOn() {
        var gone = new DataIntegrityViolationException("fk", new java.sql.SQLException("fk", "23000", 1452));
        assertThat(ChangedMeanwhile.said(gone).key()).isEqualTo("shared.conflict.reference");
        var tooLong = new DataIntegrityViolationException("long", new java.sql.SQLException("long", "22001", 1406));
        assertThatThrownBy(() -> ChangedMeanwhile.said(tooLong)).isSameAs(tooLong);
    }

    /** A unique key taken, a reference to nothing, a row still referred to, and three bugs, under {@code prefix}. */
    private void check(javax.sql.DataSource source, String prefix, CapturedOutput output) {
        var jdbc = JdbcClient.create(source);
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var parent = prefix + "integrity_parent_" + tag;
        var child = prefix + "integrity_child_" + tag;
        jdbc.sql("CREATE TABLE " + parent + " (id INT PRIMARY KEY)").update();
        jdbc.sql("CREATE TABLE " + child + " (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, parent INT, size INT,"
                        + " CONSTRAINT uk_" + tag + " UNIQUE (name),"
                        + " CONSTRAINT ck_" + tag + " CHECK (size > 0),"
                        + " CONSTRAINT fk_" + tag + " FOREIGN KEY (parent) REFERENCES " + parent + " (id))")
                .update();
        try {
            jdbc.sql("INSERT INTO " + parent + " (id) VALUES (1)").update();
            jdbc.sql("INSERT INTO " + child + " (id, name, parent) VALUES (1, 'taken', 1)")
                    .update();
            var taken = thrown(jdbc, "INSERT INTO " + child + " (id, name, parent) VALUES (2, 'taken', 1)");
            assertThat(taken).isInstanceOf(DuplicateKeyException.class);
            said(taken, Kind.DUPLICATE_KEY, 409, "shared.conflict.integrity", "This item already exists");
            for (var meanwhile : List.of(
                    "INSERT INTO " + child + " (id, name, parent) VALUES (4, 'other', 99)",
                    "DELETE FROM " + parent + " WHERE id = 1")) {
                said(
                        thrown(jdbc, meanwhile),
                        Kind.FOREIGN_KEY,
                        409,
                        "shared.conflict.reference",
                        "The item this refers to was changed or removed meanwhile");
            }
            for (var bug : List.of(
                    "INSERT INTO " + child + " (id, name, parent) VALUES (3, NULL, 1)",
                    "INSERT INTO " + child + " (id, name, parent) VALUES (5, '" + "x".repeat(30) + "', 1)",
                    "INSERT INTO " + child + " (id, name, parent, size) VALUES (6, 'small', 1, 0)")) {
                said(thrown(jdbc, bug), Kind.OTHER, 500, null, "An unexpected error occurred.");
            }
            var ours = (output.getOut() + output.getErr())
                    .lines()
                    .filter(line -> line.contains(IntegrityViolations.class.getName()))
                    .toList();
            assertThat(ours)
                    .as("each bug logged as an error, with its SQLState and never its SQL")
                    .hasSize(6)
                    .allMatch(line -> line.contains("ERROR") && line.contains("SQLState"))
                    .noneMatch(line -> line.contains("integrity_child_") || line.contains("xxxxxxxxxx"));
        } finally {
            jdbc.sql("DROP TABLE " + child).update();
            jdbc.sql("DROP TABLE " + parent).update();
        }
    }

    /** How the API (in English) and a page answer {@code violation}: its status, the page's key, the problem's words. */
    private void said(
            DataIntegrityViolationException violation, Kind kind, int status, String pageKey, String apiWords) {
        assertThat(IntegrityViolations.of(violation)).as(violation.getMessage()).isEqualTo(kind);
        var request = new MockHttpServletRequest("POST", "/console/connectors/new");
        request.addHeader("Referer", "https://gardien.example/console/connectors");
        request.addHeader("Accept-Language", "en");
        var response = new MockHttpServletResponse();
        var page = pages.integrity(violation, request, response);
        assertThat(response.getStatus()).as("the page's status").isEqualTo(status);
        assertThat(page.getViewName()).isEqualTo("error");
        if (pageKey == null) {
            assertThat(page.getModel()).doesNotContainKey("conflict");
        } else {
            assertThat(((FieldError) page.getModel().get("conflict")).key()).isEqualTo(pageKey);
        }
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        var api = new ApiProblems();
        api.setMessageSource(Bundles.messages());
        var problem = api.integrity(violation);
        assertThat(problem.getStatusCode().value()).as("the API's status").isEqualTo(status);
        assertThat(problem.getBody().getType().toString()).endsWith(status == 409 ? "/conflict" : "/internal");
        assertThat(problem.getBody().getDetail()).startsWith(apiWords).doesNotContain("integrity_", "SQL");
    }

    private static DataIntegrityViolationException thrown(JdbcClient jdbc, String sql) {
        try {
            jdbc.sql(sql).update();
        } catch (DataIntegrityViolationException e) {
            return e;
        }
        throw new AssertionError("no integrity violation: " + sql);
    }
}
