package ca.gardien.connectors.jdbc;

import ca.gardien.connectors.ConnectorsProperties;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The database products a JDBC connector may reach, each with the URL properties it may carry. Built in: PostgreSQL,
 * MariaDB and MySQL (through the MariaDB driver), and H2 when the operator enables it; an operator adds products, or
 * properties to a built-in one, in {@code gardien.connectors.jdbc.products}. Whatever is configured, {@link ForbiddenProperties}
 * properties are refused.
 */
public final class JdbcProducts {

    /** One product: its prefix, how its driver compares property names, and the names it accepts. */
    public record Product(
            String name,
            String urlPrefix,
            ConnectorsProperties.Syntax syntax,
            int defaultPort,
            UnaryOperator<String> fold,
            Set<String> allowed,
            Set<String> drivers) {

        boolean allows(String property) {
            return allowed.contains(fold.apply(property));
        }

        String allowedList() {
            return String.join(", ", new TreeSet<>(allowed));
        }
    }

    static final String H2 = "h2";
    static final String H2_PREFIX = "jdbc:h2:";

    /** pgjdbc reads property names as written: exact comparison. */
    private static final UnaryOperator<String> EXACT = s -> s;
    /** MariaDB Connector/J compares option names in lower case (Locale.ROOT); so do operators' products here. */
    private static final UnaryOperator<String> LOWER = s -> s.toLowerCase(Locale.ROOT);
    /** H2 upper-cases setting names; on ASCII names (the only ones read) English and ROOT rules agree. */
    private static final UnaryOperator<String> UPPER = s -> s.toUpperCase(Locale.ROOT);

    private static final Set<String> POSTGRESQL = Set.of(
            "ApplicationName",
            "connectTimeout",
            "currentSchema",
            "defaultRowFetchSize",
            "loadBalanceHosts",
            "loginTimeout",
            "prepareThreshold",
            "readOnly",
            "reWriteBatchedInserts",
            "socketTimeout",
            "ssl",
            "sslmode",
            "targetServerType",
            "tcpKeepAlive",
            "user");
    private static final Set<String> MARIADB = Set.of(
            "connectTimeout",
            "enabledSslProtocolSuites",
            "permitMysqlScheme",
            "restrictedAuth",
            "socketTimeout",
            "sslMode",
            "tcpKeepAlive",
            "useBulkStmts",
            "useCompression",
            "useServerPrepStmts",
            "user");
    private static final Set<String> H2_SETTINGS = Set.of(
            "ACCESS_MODE_DATA",
            "CASE_INSENSITIVE_IDENTIFIERS",
            "DATABASE_TO_LOWER",
            "DATABASE_TO_UPPER",
            "DB_CLOSE_DELAY",
            "DB_CLOSE_ON_EXIT",
            "DEFAULT_NULL_ORDERING",
            "IFEXISTS",
            "IGNORECASE",
            "LOCK_TIMEOUT",
            "MODE",
            "SCHEMA",
            "WRITE_DELAY");

    private static final Pattern PREFIX = Pattern.compile("jdbc:[a-z0-9]+(?::[a-z0-9]+)*:");

    private final Map<String, Product> byName = new LinkedHashMap<>();
    private final boolean h2Enabled;

    public JdbcProducts(ConnectorsProperties.Jdbc settings) {
        this.h2Enabled = settings.h2Enabled();
        var extra = settings.products();
        add(builtIn("postgresql", "jdbc:postgresql:", 5432, EXACT, POSTGRESQL, "org.postgresql.Driver"), extra);
        add(builtIn("mariadb", "jdbc:mariadb:", 3306, LOWER, MARIADB, "org.mariadb.jdbc.Driver"), extra);
        var mysql = Set.of("org.mariadb.jdbc.Driver", "com.mysql.cj.jdbc.Driver");
        add(
                new Product(
                        "mysql",
                        "jdbc:mysql:",
                        ConnectorsProperties.Syntax.QUERY,
                        3306,
                        LOWER,
                        folded(LOWER, MARIADB),
                        mysql),
                extra);
        extra.forEach((name, p) -> {
            if (!byName.containsKey(name)) {
                byName.put(name, operatorProduct(name, p));
            }
        });
    }

    boolean h2Enabled() {
        return h2Enabled;
    }

    public Product h2() {
        return new Product(H2, H2_PREFIX, null, 9092, UPPER, folded(UPPER, H2_SETTINGS), Set.of("org.h2.Driver"));
    }

    /** The product whose prefix the URL starts with (the longest), or null. */
    Product forUrl(String url) {
        Product best = null;
        for (var p : byName.values()) {
            if (url.startsWith(p.urlPrefix())
                    && (best == null
                            || p.urlPrefix().length() > best.urlPrefix().length())) {
                best = p;
            }
        }
        return best;
    }

    public Collection<Product> all() {
        return byName.values();
    }

    String prefixes() {
        var prefixes = new ArrayList<String>();
        byName.values().forEach(p -> prefixes.add(p.urlPrefix()));
        if (h2Enabled) {
            prefixes.add(H2_PREFIX);
        }
        return String.join(", ", prefixes);
    }

    private void add(Product builtIn, Map<String, ConnectorsProperties.Product> extra) {
        var more = extra.get(builtIn.name());
        if (more == null) {
            byName.put(builtIn.name(), builtIn);
            return;
        }
        var allowed = new TreeSet<>(builtIn.allowed());
        more.allowedProperties().forEach(p -> allowed.add(builtIn.fold().apply(p)));
        byName.put(
                builtIn.name(),
                new Product(
                        builtIn.name(),
                        builtIn.urlPrefix(),
                        builtIn.syntax(),
                        builtIn.defaultPort(),
                        builtIn.fold(),
                        Set.copyOf(allowed),
                        builtIn.drivers()));
    }

    private static Product builtIn(
            String name, String prefix, int port, UnaryOperator<String> fold, Set<String> allowed, String driver) {
        return new Product(
                name, prefix, ConnectorsProperties.Syntax.QUERY, port, fold, folded(fold, allowed), Set.of(driver));
    }

    private static Set<String> folded(UnaryOperator<String> fold, Set<String> names) {
        var folded = new TreeSet<String>();
        names.forEach(n -> folded.add(fold.apply(n)));
        return Set.copyOf(folded);
    }

    /** An operator's product; a prefix that is not plain or that shadows a built-in one stops the start. */
    private Product operatorProduct(String name, ConnectorsProperties.Product p) {
        var prefix = p.urlPrefix() == null ? "" : p.urlPrefix().strip();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalStateException("gardien.connectors.jdbc.products." + name
                    + ".url-prefix must look like jdbc:name: (lower-case letters and digits)");
        }
        var shadowed = List.of(H2_PREFIX, "jdbc:postgresql:", "jdbc:mariadb:", "jdbc:mysql:");
        if (shadowed.stream().anyMatch(b -> prefix.startsWith(b) || b.startsWith(prefix))) {
            throw new IllegalStateException("gardien.connectors.jdbc.products." + name
                    + ".url-prefix must not overlap a built-in product's prefix; extend the built-in product instead");
        }
        var allowed = new TreeSet<String>();
        p.allowedProperties().forEach(a -> allowed.add(LOWER.apply(a)));
        return new Product(name, prefix, p.syntax(), p.defaultPort(), LOWER, Set.copyOf(allowed), Set.of());
    }
}
