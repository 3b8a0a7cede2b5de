package ca.gardien.connectors;

import java.sql.DriverManager;

/**
 * The benchmark's CRM on PostgreSQL, generated with generate_series: per customer one contact, one address, two orders
 * of two lines, one segment membership; every even customer one support ticket of two messages; every tenth customer
 * referred by the previous one; and one heavy customer with {@code heavyRows} addresses.
 */
final class BenchData {

    static final String HEAVY = "heavy@example.test";

    private BenchData() {}

    static String email(int customer) {
        return "user" + customer + "@example.test";
    }

    static long generate(String url, int n, int heavyRows) throws Exception {
        var statements = new String[] {
            "CREATE TABLE segment (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL)",
            "CREATE TABLE contact (id INT PRIMARY KEY, customer_id INT, email VARCHAR(200), phone VARCHAR(40))",
            "CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(200) NOT NULL, full_name VARCHAR(200),"
                    + " customer_number VARCHAR(40), referred_by INT, primary_contact_id INT)",
            "CREATE TABLE address (customer_id INT NOT NULL, seq INT NOT NULL, street VARCHAR(200), city VARCHAR(100),"
                    + " PRIMARY KEY (customer_id, seq))",
            "CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT NOT NULL, total DECIMAL(10, 2), ship_name VARCHAR(200))",
            "CREATE TABLE product (id INT PRIMARY KEY, name VARCHAR(100) NOT NULL, price DECIMAL(10, 2))",
            "CREATE TABLE order_line (order_id INT NOT NULL, product_id INT NOT NULL, quantity INT NOT NULL,"
                    + " PRIMARY KEY (order_id, product_id))",
            "CREATE TABLE customer_segment (customer_id INT NOT NULL, segment_id INT NOT NULL, PRIMARY KEY (customer_id, segment_id))",
            "CREATE TABLE support_ticket (id INT PRIMARY KEY, customer_email VARCHAR(200), subject VARCHAR(200), body VARCHAR(2000))",
            "CREATE TABLE ticket_message (id INT PRIMARY KEY, ticket_id INT NOT NULL, body VARCHAR(2000))",
            "INSERT INTO segment SELECT g, 'segment ' || g FROM generate_series(1, 10) g",
            "INSERT INTO customer SELECT g, 'user' || g || '@example.test', 'Name ' || g, 'C-' || g,"
                    + " CASE WHEN g % 10 = 0 THEN g - 1 END, g FROM generate_series(1, %N%) g",
            "INSERT INTO contact SELECT g, g, 'work' || g || '@example.test', '+1514' || lpad(g::text, 7, '0')"
                    + " FROM generate_series(1, %N%) g",
            "INSERT INTO address SELECT g, 1, g || ' rue A', 'Québec' FROM generate_series(1, %N%) g",
            "INSERT INTO orders SELECT g, (g + 1) / 2, 10.00, 'ship ' || g FROM generate_series(1, 2 * %N%) g",
            "INSERT INTO product SELECT g, 'product ' || g, 1.00 FROM generate_series(1, 1000) g",
            "INSERT INTO order_line SELECT o, p, 1 FROM generate_series(1, 2 * %N%) o, generate_series(1, 2) p",
            "INSERT INTO customer_segment SELECT g, 1 + g % 10 FROM generate_series(1, %N%) g",
            "INSERT INTO support_ticket SELECT g, 'user' || (2 * g) || '@example.test', 'subject', 'body'"
                    + " FROM generate_series(1, %N% / 2) g",
            "INSERT INTO ticket_message SELECT g, (g + 1) / 2, 'message' FROM generate_series(1, %N%) g",
            "INSERT INTO customer VALUES (%N% + 1, '" + HEAVY + "', 'Heavy', 'C-heavy', NULL, NULL)",
            "INSERT INTO address SELECT %N% + 1, g, g || ' rue H', 'Lévis' FROM generate_series(1, %H%) g",
            "ALTER TABLE customer ADD CONSTRAINT customer_referrer FOREIGN KEY (referred_by) REFERENCES customer (id) NOT VALID",
            "ALTER TABLE customer ADD CONSTRAINT customer_contact FOREIGN KEY (primary_contact_id) REFERENCES contact (id) NOT VALID",
            "ALTER TABLE contact ADD CONSTRAINT contact_customer FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID",
            "ALTER TABLE address ADD CONSTRAINT address_customer FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID",
            "ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID",
            "ALTER TABLE order_line ADD CONSTRAINT line_order FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID",
            "ALTER TABLE order_line ADD CONSTRAINT line_product FOREIGN KEY (product_id) REFERENCES product (id) NOT VALID",
            "ALTER TABLE customer_segment ADD CONSTRAINT cs_customer FOREIGN KEY (customer_id) REFERENCES customer (id) NOT VALID",
            "ALTER TABLE customer_segment ADD CONSTRAINT cs_segment FOREIGN KEY (segment_id) REFERENCES segment (id) NOT VALID",
            "ALTER TABLE ticket_message ADD CONSTRAINT message_ticket FOREIGN KEY (ticket_id) REFERENCES support_ticket (id) NOT VALID",
            "CREATE INDEX customer_email ON customer (email)",
            "CREATE INDEX customer_number ON customer (customer_number)",
            "CREATE INDEX customer_referred ON customer (referred_by)",
            "CREATE INDEX customer_primary_contact ON customer (primary_contact_id)",
            "CREATE INDEX contact_customer ON contact (customer_id)",
            "CREATE INDEX contact_email ON contact (email)",
            "CREATE INDEX contact_phone ON contact (phone)",
            "CREATE INDEX orders_customer ON orders (customer_id)",
            "CREATE INDEX ticket_email ON support_ticket (customer_email)",
            "CREATE INDEX message_ticket ON ticket_message (ticket_id)",
            // email columns are matched regardless of letter case: the indexes the plan asks for (docs/connectors.md)
            "CREATE INDEX customer_email_lower ON customer (lower(email))",
            "CREATE INDEX contact_email_lower ON contact (lower(email))",
            "CREATE INDEX ticket_email_lower ON support_ticket (lower(customer_email))",
            "ANALYZE"
        };
        try (var c = DriverManager.getConnection(url);
                var s = c.createStatement()) {
            for (var sql : statements) {
                s.execute(sql.replace("%N%", String.valueOf(n)).replace("%H%", String.valueOf(heavyRows)));
            }
            long rows = 0;
            for (var table : CrmDatabase.TABLES) {
                try (var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
            return rows;
        }
    }
}
