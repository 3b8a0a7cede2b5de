package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.connectors.MariaDbCondition;
import ca.gardien.support.PostgresCondition;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * Code re-read: a console page said "what you were saving conflicts with what exists, perhaps saved meanwhile" (409) of
 * every integrity violation, a value missing or a reference to nothing — a bug — as much as a name taken at the same
 * moment. Only a unique key taken is such a conflict: Spring translates it to {@link DuplicateKeyException} on H2,
 * PostgreSQL and MariaDB alike (as the application's {@code JdbcClient} does, the default translator), and the other
 * violations to a plain {@link DataIntegrityViolationException}, which the pages leave a 500.
 */
class IntegrityViolationsTest {

    private static final ExceptionHandlerMethodResolver PAGES = new ExceptionHandlerMethodResolver(ErrorPages.class);

    @Test
    void onH2OnlyAUniqueKeyTakenIsAConflictAPageSays() {
        check(new DriverManagerDataSource("jdbc:h2:mem:integrity-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"), "");
    }

    @Test
    @ExtendWith(PostgresCondition.class)
    void onPostgresqlOnlyAUniqueKeyTakenIsAConflictAPageSays() {
        check(new DriverManagerDataSource(PostgresCondition.url()), "");
    }

    @Test
    @ExtendWith(MariaDbCondition.class)
    void onMariadbOnlyAUniqueKeyTakenIsAConflictAPageSays() {
        var schema = "gardien_integrity_" + UUID.randomUUID().toString().substring(0, 8);
        MariaDbCondition.execute("CREATE DATABASE " + schema);
        try {
            check(new DriverManagerDataSource(MariaDbCondition.url()), schema + ".");
        } finally {
            MariaDbCondition.execute("DROP DATABASE " + schema);
        }
    }

    @Test
    void aFormStepThatMeetsAnotherIntegrityViolationIsNotWordedAsARefusal() {
        var notNull = new DataIntegrityViolationException("NULL not allowed");
        assertThatThrownBy(() -> FormSteps.at("/console/x").run(new RedirectAttributesModelMap(), () -> {
                    throw notNull;
                }))
                .isSameAs(notNull);
    }

    /** A unique key taken, a NOT NULL column left empty and a reference to nothing, in tables under {@code prefix}. */
    private static void check(javax.sql.DataSource source, String prefix) {
        var jdbc = JdbcClient.create(source);
        var tag = UUID.randomUUID().toString().substring(0, 8);
        var parent = prefix + "integrity_parent_" + tag;
        var child = prefix + "integrity_child_" + tag;
        jdbc.sql("CREATE TABLE " + parent + " (id INT PRIMARY KEY)").update();
        jdbc.sql("CREATE TABLE " + child + " (id INT PRIMARY KEY, name VARCHAR(20) NOT NULL, parent INT,"
                        + " CONSTRAINT uk_" + tag + " UNIQUE (name),"
                        + " CONSTRAINT fk_" + tag + " FOREIGN KEY (parent) REFERENCES " + parent + " (id))")
                .update();
        try {
            jdbc.sql("INSERT INTO " + parent + " (id) VALUES (1)").update();
            jdbc.sql("INSERT INTO " + child + " (id, name, parent) VALUES (1, 'taken', 1)")
                    .update();
            var taken = thrown(jdbc, "INSERT INTO " + child + " (id, name, parent) VALUES (2, 'taken', 1)");
            assertThat(taken).isInstanceOf(DuplicateKeyException.class);
            assertThat(PAGES.resolveMethod(taken)).as("a 409 page").isNotNull();
            assertThat(ChangedMeanwhile.said(taken).key()).isEqualTo("shared.conflict.integrity");
            for (var bug : java.util.List.of(
                    "INSERT INTO " + child + " (id, name, parent) VALUES (3, NULL, 1)",
                    "INSERT INTO " + child + " (id, name, parent) VALUES (4, 'other', 99)")) {
                var violation = thrown(jdbc, bug);
                assertThat(violation).as(bug).isNotInstanceOf(DuplicateKeyException.class);
                assertThat(PAGES.resolveMethod(violation))
                        .as("no 409 page for " + bug)
                        .isNull();
            }
        } finally {
            jdbc.sql("DROP TABLE " + child).update();
            jdbc.sql("DROP TABLE " + parent).update();
        }
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
