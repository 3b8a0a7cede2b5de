package ca.gardien.connectors;

import ca.gardien.connectors.runs.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The baseline of the connector benchmark: what a developer would write by hand for this one schema, starting from the
 * same email — eight queries with joins for an export (rows written as JSON to a file, as Gardien does), and one
 * transaction of updates and deletes in a valid order for an erasure. Emails match regardless of letter case, as
 * Gardien matches them, through the {@code lower(email)} indexes of {@link BenchData}.
 */
final class HandWrittenSql {

    private static final String[] EXPORT = {
        "SELECT * FROM customer WHERE lower(email) = lower(?)",
        // UNION rather than OR: each branch uses its own index (an OR over three conditions scans the table)
        "SELECT k.* FROM contact k JOIN customer c ON c.id = k.customer_id WHERE lower(c.email) = lower(?)"
                + " UNION SELECT * FROM contact WHERE lower(email) = lower(?)"
                + " UNION SELECT k.* FROM contact k JOIN customer c ON k.id = c.primary_contact_id WHERE lower(c.email) = lower(?)",
        "SELECT a.* FROM address a JOIN customer c ON c.id = a.customer_id WHERE lower(c.email) = lower(?)",
        "SELECT o.* FROM orders o JOIN customer c ON c.id = o.customer_id WHERE lower(c.email) = lower(?)",
        "SELECT l.* FROM order_line l JOIN orders o ON o.id = l.order_id JOIN customer c ON c.id = o.customer_id"
                + " WHERE lower(c.email) = lower(?)",
        "SELECT s.* FROM customer_segment s JOIN customer c ON c.id = s.customer_id WHERE lower(c.email) = lower(?)",
        "SELECT * FROM support_ticket WHERE lower(customer_email) = lower(?)",
        "SELECT m.* FROM ticket_message m JOIN support_ticket t ON t.id = m.ticket_id WHERE lower(t.customer_email) = lower(?)"
    };

    private static final String[] ERASE = {
        "UPDATE customer SET referred_by = NULL WHERE referred_by IN (SELECT id FROM customer WHERE lower(email) = lower(?))",
        "UPDATE ticket_message SET body = '***' WHERE ticket_id IN (SELECT id FROM support_ticket WHERE lower(customer_email) = lower(?))",
        "UPDATE support_ticket SET subject = '***', body = '***', customer_email = 'kh:' || md5(customer_email)"
                + " WHERE lower(customer_email) = lower(?)",
        "UPDATE contact SET customer_id = NULL WHERE customer_id IN (SELECT id FROM customer WHERE lower(email) = lower(?))",
        "DELETE FROM address WHERE customer_id IN (SELECT id FROM customer WHERE lower(email) = lower(?))",
        "DELETE FROM customer_segment WHERE customer_id IN (SELECT id FROM customer WHERE lower(email) = lower(?))",
        "DELETE FROM order_line WHERE order_id IN (SELECT o.id FROM orders o JOIN customer c ON c.id = o.customer_id"
                + " WHERE lower(c.email) = lower(?))",
        "DELETE FROM orders WHERE customer_id IN (SELECT id FROM customer WHERE lower(email) = lower(?))",
        "CREATE TEMPORARY TABLE IF NOT EXISTS erased_contact (id INT) ON COMMIT DELETE ROWS",
        "INSERT INTO erased_contact SELECT primary_contact_id FROM customer WHERE lower(email) = lower(?)",
        "DELETE FROM customer WHERE lower(email) = lower(?)",
        "DELETE FROM contact WHERE id IN (SELECT id FROM erased_contact)"
    };

    private final Connection connection;
    private final Path directory;

    HandWrittenSql(Connection connection, Path directory) {
        this.connection = connection;
        this.directory = directory;
    }

    void export(int customer) throws Exception {
        var email = BenchData.email(customer);
        var file = directory.resolve("sql-" + customer + ".json");
        try (var out = Files.newOutputStream(file);
                var json = RunStore.JSON.createGenerator(out)) {
            json.writeStartArray();
            for (var sql : EXPORT) {
                try (var s = connection.prepareStatement(sql)) {
                    for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) s.setString(i, email);
                    try (var rs = s.executeQuery()) {
                        var meta = rs.getMetaData();
                        while (rs.next()) {
                            json.writeStartObject();
                            for (int i = 1; i <= meta.getColumnCount(); i++) {
                                var v = rs.getObject(i);
                                json.writeStringProperty(meta.getColumnLabel(i), v == null ? null : v.toString());
                            }
                            json.writeEndObject();
                        }
                    }
                }
            }
            json.writeEndArray();
        }
        Files.delete(file);
    }

    void erase(int customer) throws SQLException {
        var email = BenchData.email(customer);
        connection.setAutoCommit(false);
        try {
            for (var sql : ERASE) {
                try (var s = connection.prepareStatement(sql)) {
                    int n = sql.contains("?") ? s.getParameterMetaData().getParameterCount() : 0;
                    for (int i = 1; i <= n; i++) s.setString(i, email);
                    s.execute();
                }
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
