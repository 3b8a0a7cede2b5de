package ca.gardien.connectors;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A synthetic CRM of ten tables: a composite key (address), two many-to-many (order_line, customer_segment), an
 * undeclared reference (support_ticket.customer_email → customer.email), a self-reference (customer.referred_by), a
 * cycle (customer.primary_contact_id ↔ contact.customer_id) and rows two hops away (order_line, ticket_message).
 * The planted person is customer 1 (Alice); customer 2 (Bob) and 3 (Carol, referred by Alice) are everyone else.
 */
public record CrmDatabase(String url, String user, String password) {

    public static final String ALICE = "alice@example.test";
    static final List<String> TABLES = List.of(
            "segment",
            "contact",
            "customer",
            "address",
            "orders",
            "product",
            "order_line",
            "customer_segment",
            "support_ticket",
            "ticket_message");

    /** The rows about Alice, as table → primary-key text. */
    static final Map<String, List<String>> ALICE_ROWS = Map.of(
            "customer", List.of("1"),
            "contact", List.of("50"),
            "address", List.of("1|1", "1|2"),
            "orders", List.of("10", "11"),
            "order_line", List.of("10|100", "10|101", "11|100"),
            "customer_segment", List.of("1|1", "1|2"),
            "support_ticket", List.of("70"),
            "ticket_message", List.of("80", "81"));

    public static final String ANNOTATIONS = """
            piCategories:
              - id: contact
                name: {fr: Coordonnées, en: Contact information}
                sensitive: false
              - id: identity
                name: {fr: Identité, en: Identity}
                sensitive: false
            datasets:
              - id: %s
                tables:
                  - name: customer
                    columns:
                      - {name: email, category: contact, identity: email, origin: COLLECTED}
                      - {name: full_name, category: identity, origin: COLLECTED}
                      - {name: customer_number, identity: customerNumber, origin: CREATED}
                      - {name: referred_by, erasure: SET_NULL}
                  - name: contact
                    columns:
                      - {name: email, category: contact, identity: email}
                      - {name: phone, category: contact, identity: phone}
                  - name: support_ticket
                    columns:
                      - {name: customer_email, references: customer.email, erasure: KEYED_HASH}
                      - {name: subject, erasure: MASK}
                      - {name: body, erasure: MASK, origin: COLLECTED}
                  - name: ticket_message
                    columns:
                      - {name: body, erasure: MASK}
            """;

    public void create() throws SQLException {
        try (var c = connect();
                var s = c.createStatement()) {
            s.execute("CREATE TABLE segment (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)");
            s.execute(
                    "CREATE TABLE contact (id INT PRIMARY KEY, customer_id INT, email VARCHAR(200), phone VARCHAR(40))");
            s.execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL, full_name VARCHAR(200),"
                    + " customer_number VARCHAR(40), referred_by INT, primary_contact_id INT,"
                    + " CONSTRAINT customer_referrer FOREIGN KEY (referred_by) REFERENCES customer (id),"
                    + " CONSTRAINT customer_contact FOREIGN KEY (primary_contact_id) REFERENCES contact (id))");
            s.execute("CREATE INDEX customer_email ON customer (email)");
            s.execute("CREATE INDEX customer_number ON customer (customer_number)");
            s.execute(
                    "ALTER TABLE contact ADD CONSTRAINT contact_customer FOREIGN KEY (customer_id) REFERENCES customer (id)");
            s.execute(
                    "CREATE TABLE address (customer_id INT NOT NULL, seq INT NOT NULL, street VARCHAR(200), city VARCHAR(100),"
                            + " PRIMARY KEY (customer_id, seq), CONSTRAINT address_customer FOREIGN KEY (customer_id) REFERENCES customer (id))");
            s.execute(
                    "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10, 2), ship_name VARCHAR(200),"
                            + " CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id))");
            s.execute("CREATE TABLE product (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, price DECIMAL(10, 2))");
            s.execute("CREATE TABLE order_line (order_id INT NOT NULL, product_id INT NOT NULL, quantity INT NOT NULL,"
                    + " PRIMARY KEY (order_id, product_id),"
                    + " CONSTRAINT line_order FOREIGN KEY (order_id) REFERENCES orders (id),"
                    + " CONSTRAINT line_product FOREIGN KEY (product_id) REFERENCES product (id))");
            s.execute("CREATE TABLE customer_segment (customer_id INT NOT NULL, segment_id INT NOT NULL,"
                    + " PRIMARY KEY (customer_id, segment_id),"
                    + " CONSTRAINT cs_customer FOREIGN KEY (customer_id) REFERENCES customer (id),"
                    + " CONSTRAINT cs_segment FOREIGN KEY (segment_id) REFERENCES segment (id))");
            s.execute(
                    "CREATE TABLE support_ticket (id INT PRIMARY KEY, customer_email VARCHAR(200), subject VARCHAR(200),"
                            + " body VARCHAR(2000))");
            s.execute("CREATE TABLE ticket_message (id INT PRIMARY KEY, ticket_id INT NOT NULL, body VARCHAR(2000),"
                    + " CONSTRAINT message_ticket FOREIGN KEY (ticket_id) REFERENCES support_ticket (id))");
        }
    }

    public void plant() throws SQLException {
        try (var c = connect();
                var s = c.createStatement()) {
            s.execute("INSERT INTO segment VALUES (1, 'loyal'), (2, 'newsletter')");
            s.execute("INSERT INTO customer VALUES (1, '" + ALICE + "', 'Alice Tremblay', 'C-0001', NULL, NULL),"
                    + " (2, 'bob@example.test', 'Bob Gagnon', 'C-0002', NULL, NULL),"
                    + " (3, 'carol@example.test', 'Carol Roy', 'C-0003', 1, NULL)");
            s.execute("INSERT INTO contact VALUES (50, 1, 'alice.work@example.test', '+15145550101'),"
                    + " (51, 2, 'bob.work@example.test', '+15145550102')");
            s.execute("UPDATE customer SET primary_contact_id = 50 WHERE id = 1");
            s.execute("UPDATE customer SET primary_contact_id = 51 WHERE id = 2");
            s.execute("INSERT INTO address VALUES (1, 1, '1 rue A', 'Québec'), (1, 2, '2 rue B', 'Lévis'),"
                    + " (2, 1, '3 rue C', 'Montréal')");
            s.execute(
                    "INSERT INTO orders VALUES (10, 1, 25.00, 'Alice T'), (11, 1, 12.50, 'Alice T'), (20, 2, 8.00, 'Bob G')");
            s.execute("INSERT INTO product VALUES (100, 'Café', 4.00), (101, 'Thé', 3.00)");
            s.execute("INSERT INTO order_line VALUES (10, 100, 2), (10, 101, 1), (11, 100, 3), (20, 100, 2)");
            s.execute("INSERT INTO customer_segment VALUES (1, 1), (1, 2), (2, 1)");
            s.execute("INSERT INTO support_ticket VALUES (70, '" + ALICE + "', 'Colis perdu', 'Mon colis au 1 rue A'),"
                    + " (71, 'bob@example.test', 'Facture', 'Question de Bob')");
            s.execute(
                    "INSERT INTO ticket_message VALUES (80, 70, 'Bonjour Alice'), (81, 70, 'Merci'), (82, 71, 'Bonjour Bob')");
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Every row of every table, as table → primary-key text → column → value text. */
    Map<String, Map<String, Map<String, String>>> snapshot() throws SQLException {
        var all = new TreeMap<String, Map<String, Map<String, String>>>();
        try (var c = connect()) {
            for (var table : TABLES) {
                var rows = new TreeMap<String, Map<String, String>>();
                var key = keyColumns(table);
                try (var s = c.createStatement();
                        var rs = s.executeQuery("SELECT * FROM " + table)) {
                    var meta = rs.getMetaData();
                    while (rs.next()) {
                        var row = new LinkedHashMap<String, String>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            var v = rs.getObject(i);
                            row.put(meta.getColumnLabel(i).toLowerCase(), v == null ? null : v.toString());
                        }
                        rows.put(String.join("|", key.stream().map(row::get).toList()), row);
                    }
                }
                all.put(table, rows);
            }
        }
        return all;
    }

    static List<String> keyColumns(String table) {
        return switch (table) {
            case "address" -> List.of("customer_id", "seq");
            case "order_line" -> List.of("order_id", "product_id");
            case "customer_segment" -> List.of("customer_id", "segment_id");
            default -> List.of("id");
        };
    }
}
