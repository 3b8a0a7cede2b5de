package ca.gardien.retention;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A synthetic shop for the retention tests: 40 customers (every third dormant for four years), 200 orders (every even
 * one closed seven years ago), two items per order (a composite key), and invoice notes that merely link to an order
 * ({@code follow: false}). Customer 5 and customer 6 are the persons the tests hold.
 */
record RetentionShop(String url) {

    static final List<String> TABLES = List.of("customer", "orders", "order_item", "invoice_note");
    static final String HELD_BUYER = "c5@example.test";
    static final String HELD_DORMANT = "c6@example.test";

    static final String ANNOTATIONS = """
            piCategories:
              - {id: contact, name: {fr: Coordonnées, en: Contact information}, sensitive: false}
              - {id: identity, name: {fr: Identité, en: Identity}, sensitive: false}
            retentionRules:
              - id: orders
                name: {fr: Commandes, en: Orders}
                duration: P6Y
                trigger: order-closed
                legalMinimum: P6Y
                legalSource: "Loi sur l'administration fiscale, art. 35"
                disposal: destroy
              - id: dormant
                name: {fr: Clients inactifs, en: Dormant customers}
                duration: P3Y
                trigger: last-activity
                disposal: anonymize
            datasets:
              - id: %s
                tables:
                  - name: customer
                    retention: dormant
                    triggerColumn: last_activity
                    columns:
                      - {name: email, category: contact, identity: email}
                      - {name: full_name, category: identity, erasure: "FIXED:anonyme"}
                  - name: orders
                    retention: orders
                    triggerColumn: closed_at
                  - name: invoice_note
                    columns:
                      - {name: order_id, follow: false}
            """;

    /** A private in-memory H2 database. */
    static String h2() {
        return "jdbc:h2:mem:shop-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    static void shutdown(String url) throws SQLException {
        try (var c = DriverManager.getConnection(url);
                var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    void create() throws SQLException {
        try (var c = connect();
                var s = c.createStatement()) {
            createTables(s);
        }
        addOrders(1, 200);
    }

    void createTables(java.sql.Statement s) throws SQLException {
        s.execute("CREATE TABLE customer (id INT NOT NULL PRIMARY KEY, email VARCHAR(200),"
                + " full_name VARCHAR(200) NOT NULL, last_activity TIMESTAMP NOT NULL, referred_by INT,"
                + " FOREIGN KEY (referred_by) REFERENCES customer (id))");
        s.execute("CREATE TABLE orders (id INT NOT NULL PRIMARY KEY, customer_id INT NOT NULL,"
                + " closed_at TIMESTAMP NOT NULL, total INT, FOREIGN KEY (customer_id) REFERENCES customer (id))");
        s.execute("CREATE TABLE order_item (order_id INT NOT NULL, line INT NOT NULL, sku VARCHAR(20),"
                + " PRIMARY KEY (order_id, line), FOREIGN KEY (order_id) REFERENCES orders (id))");
        s.execute("CREATE TABLE invoice_note (id INT NOT NULL PRIMARY KEY, order_id INT, note VARCHAR(100),"
                + " FOREIGN KEY (order_id) REFERENCES orders (id))");
    }

    /** Customers (once) and orders {@code from..to} with their items and notes; even orders are expired. */
    void addOrders(int from, int to) throws SQLException {
        var now = LocalDateTime.now();
        try (var c = connect()) {
            if (from == 1) {
                try (var p = c.prepareStatement("INSERT INTO customer VALUES (?, ?, ?, ?, ?)")) {
                    for (int n = 1; n <= 40; n++) {
                        p.setInt(1, n);
                        p.setString(2, "c" + n + "@example.test");
                        p.setString(3, "Person " + n);
                        p.setTimestamp(4, Timestamp.valueOf(n % 3 == 0 ? now.minusYears(4) : now.minusDays(30)));
                        p.setObject(5, n > 1 ? n - 1 : null, java.sql.Types.INTEGER);
                        p.executeUpdate();
                    }
                }
            }
            try (var o = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?)");
                    var i = c.prepareStatement("INSERT INTO order_item VALUES (?, ?, ?)");
                    var n = c.prepareStatement("INSERT INTO invoice_note VALUES (?, ?, ?)")) {
                for (int id = from; id <= to; id++) {
                    o.setInt(1, id);
                    o.setInt(2, id % 40 + 1);
                    o.setTimestamp(3, Timestamp.valueOf(id % 2 == 0 ? now.minusYears(7) : now.minusYears(1)));
                    o.setInt(4, id * 10);
                    o.executeUpdate();
                    for (int line = 1; line <= 2; line++) {
                        i.setInt(1, id);
                        i.setInt(2, line);
                        i.setString(3, "SKU-" + id + "-" + line);
                        i.executeUpdate();
                    }
                    if (id % 3 == 0) {
                        n.setInt(1, id);
                        n.setInt(2, id);
                        n.setString(3, "note " + id);
                        n.executeUpdate();
                    }
                }
            }
        }
    }

    /** Every row of every table, keyed by primary key text, columns by lower-case name. */
    Map<String, Map<String, Map<String, String>>> snapshot() throws SQLException {
        var out = new LinkedHashMap<String, Map<String, Map<String, String>>>();
        try (var c = connect();
                var s = c.createStatement()) {
            for (var table : TABLES) {
                var rows = new TreeMap<String, Map<String, String>>();
                try (var rs = s.executeQuery("SELECT * FROM " + table)) {
                    var meta = rs.getMetaData();
                    while (rs.next()) {
                        var row = new TreeMap<String, String>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.put(meta.getColumnLabel(i).toLowerCase(), rs.getString(i));
                        }
                        var key = table.equals("order_item")
                                ? row.get("order_id") + "|" + row.get("line")
                                : row.get("id");
                        rows.put(key, row);
                    }
                }
                out.put(table, rows);
            }
        }
        return out;
    }

    /** The snapshot with the rows matching {@code gone} removed from {@code table}. */
    static Map<String, Map<String, String>> without(
            Map<String, Map<String, String>> rows, Predicate<Map<String, String>> gone) {
        var out = new TreeMap<String, Map<String, String>>();
        rows.forEach((k, v) -> {
            if (!gone.test(v)) out.put(k, v);
        });
        return out;
    }

    static List<Integer> ids(Map<String, Map<String, String>> rows) {
        var out = new ArrayList<Integer>();
        rows.values().forEach(r -> out.add(Integer.parseInt(r.get("id"))));
        return out;
    }
}
