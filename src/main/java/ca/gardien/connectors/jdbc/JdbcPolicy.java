package ca.gardien.connectors.jdbc;

import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.Refusal;
import ca.gardien.connectors.jdbc.JdbcProducts.Product;
import ca.gardien.connectors.jdbc.JdbcTarget.Kind;
import ca.gardien.shared.OutboundAddresses;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides whether a JDBC connector may connect to a URL, by allow-list: a known product, a URL read in that product's
 * shape, only the properties allowed for it (never a {@link ForbiddenProperties} one), plain values, the driver
 * expected for it, and not Gardien's own database. Checked at registration and again before every connection.
 */
public final class JdbcPolicy {

    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_.,:@/+ -]{0,200}");

    private final JdbcProducts products;
    private final OwnDatabase own;
    private final OutboundAddresses hosts;

    public JdbcPolicy(JdbcProducts products, OwnDatabase own) {
        this(products, own, null);
    }

    /** @param hosts the hosts a connector may name, or null for any (Gardien's own database is refused either way) */
    public JdbcPolicy(JdbcProducts products, OwnDatabase own, OutboundAddresses hosts) {
        this.products = products;
        this.own = own;
        this.hosts = hosts;
    }

    /** Why Gardien must not connect to this URL; empty when it may. */
    public List<Refusal> refusals(String url) {
        if (url == null || !url.startsWith("jdbc:") || url.length() > 2000) {
            return List.of(new Refusal("malformed"));
        }
        boolean h2 = url.regionMatches(true, 0, JdbcProducts.H2_PREFIX, 0, JdbcProducts.H2_PREFIX.length());
        if (h2 && !products.h2Enabled()) {
            return List.of(new Refusal("h2-disabled"));
        }
        var product = h2 ? products.h2() : products.forUrl(url);
        if (product == null || h2 && !url.startsWith(JdbcProducts.H2_PREFIX)) {
            return List.of(new Refusal("product", products.prefixes()));
        }
        JdbcTarget target;
        try {
            target = read(product, url.substring(product.urlPrefix().length()));
        } catch (JdbcUrls.Unreadable e) {
            return List.of(new Refusal(e.code, product.name(), shape(product)));
        }
        var refusals = new ArrayList<Refusal>();
        for (var property : target.properties()) {
            refusals.addAll(property(product, property));
        }
        if (hosts != null && target.hosts().stream().anyMatch(h -> !hosts.listed(h.name()))) {
            // the same words whether the host is unknown, unresolved or elsewhere: the list is the operator's to read
            refusals.add(new Refusal("host-not-allowed"));
        }
        if (own.isOwn(url, target)) {
            refusals.add(new Refusal("own-database"));
        } else if (target.kind() == Kind.H2_SERVER && own.local(target.hosts())) {
            refusals.add(new Refusal("local-h2-server"));
        }
        if (refusals.isEmpty()) {
            refusals.addAll(driver(product, url));
        }
        return refusals;
    }

    private static List<Refusal> property(Product product, JdbcTarget.Property property) {
        var name = property.name();
        if (name.toLowerCase(Locale.ROOT).equals("password")) {
            return List.of(new Refusal("password"));
        }
        if (ForbiddenProperties.forbidden(name)) {
            return List.of(new Refusal("forbidden", name));
        }
        if (!product.allows(name)) {
            return List.of(new Refusal("property", name, product.name(), product.allowedList()));
        }
        return VALUE.matcher(property.value()).matches() ? List.of() : List.of(new Refusal("value", name));
    }

    /** The driver that will open the connection must be the product's own (a built-in product names it). */
    private static List<Refusal> driver(Product product, String url) {
        try {
            var driver = DriverManager.getDriver(url).getClass().getName();
            return product.drivers().isEmpty() || product.drivers().contains(driver)
                    ? List.of()
                    : List.of(new Refusal("driver-unexpected"));
        } catch (SQLException e) {
            return List.of(new Refusal("driver"));
        }
    }

    static JdbcTarget read(Product product, String rest) throws JdbcUrls.Unreadable {
        if (product.name().equals(JdbcProducts.H2)) {
            return JdbcUrls.h2(rest);
        }
        var family = OwnDatabase.family(product.urlPrefix().split(":")[1]);
        return product.syntax() == ConnectorsProperties.Syntax.SEMICOLON
                ? JdbcUrls.semicolon(family, rest)
                : JdbcUrls.query(family, rest, family.equals("postgresql"));
    }

    private static String shape(Product product) {
        if (product.name().equals(JdbcProducts.H2)) {
            return "jdbc:h2:mem:name, jdbc:h2:file:/path, jdbc:h2:tcp://host[:port]/path, then ;NAME=value";
        }
        return product.syntax() == ConnectorsProperties.Syntax.SEMICOLON
                ? product.urlPrefix() + "//host[:port][/database];name=value;…"
                : product.urlPrefix() + "//host[:port]/database?name=value&…";
    }
}
