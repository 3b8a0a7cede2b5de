package ca.gardien.connectors.jdbc;

import ca.gardien.connectors.jdbc.JdbcTarget.Host;
import ca.gardien.connectors.jdbc.JdbcTarget.Kind;
import ca.gardien.connectors.jdbc.JdbcTarget.Property;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads JDBC URLs strictly, in the shapes their drivers read: anything else, or anything that is not plain ASCII, is
 * {@link Unreadable} rather than guessed at. Hosts, database names, paths and property names must match narrow
 * patterns (no escapes, quotes or percent-encoding), so that the name a driver sees is the name checked here; a value
 * may hold anything printable until the policy checks it.
 */
final class JdbcUrls {

    /** The URL does not have the expected shape ({@code code} {@code unreadable}) or is not ASCII ({@code not-ascii}). */
    static final class Unreadable extends Exception {
        final String code;

        Unreadable(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }

    static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,99}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})|\\[[0-9A-Fa-f:.]{2,45}]");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_$.-]{0,128}");
    private static final Pattern H2_NAME = Pattern.compile("[A-Za-z0-9_.-]{0,128}");
    private static final Pattern H2_PATH = Pattern.compile("[A-Za-z0-9_./~-]{1,1000}");

    private JdbcUrls() {}

    /** {@code //host[:port][,host[:port]...][/database][?name=value&...]} (PostgreSQL decodes values, as pgjdbc does). */
    static JdbcTarget query(String product, String rest, boolean decodeValues) throws Unreadable {
        require(rest);
        int q = rest.indexOf('?');
        var server = q < 0 ? rest : rest.substring(0, q);
        var properties = new ArrayList<Property>();
        if (q >= 0) {
            for (var token : rest.substring(q + 1).split("&", -1)) {
                if (!token.isEmpty()) {
                    properties.add(property(token, decodeValues));
                }
            }
        }
        return server(product, server, properties);
    }

    /** {@code //host[:port][/database];name=value;...} (SQL Server and similar). */
    static JdbcTarget semicolon(String product, String rest) throws Unreadable {
        require(rest);
        var parts = rest.split(";", -1);
        var properties = new ArrayList<Property>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                properties.add(property(parts[i], false));
            }
        }
        return server(product, parts[0], properties);
    }

    /**
     * What follows {@code jdbc:h2:}: {@code mem:[name]}, {@code file:path} or a path starting with {@code /}, {@code ~}
     * or {@code .}, or {@code tcp://host[:port]/path} ({@code ssl:} likewise), then {@code ;NAME=value} settings.
     */
    static JdbcTarget h2(String rest) throws Unreadable {
        require(rest);
        var parts = rest.split(";", -1);
        var settings = new ArrayList<Property>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                if (parts[i].indexOf('=') < 0) {
                    throw new Unreadable("unreadable"); // H2 refuses a setting without a value too
                }
                settings.add(property(parts[i], false));
            }
        }
        var name = parts[0];
        if (name.startsWith("mem:") && H2_NAME.matcher(name.substring(4)).matches()) {
            return new JdbcTarget("h2", Kind.H2_MEMORY, List.of(), name.substring(4), settings);
        }
        if (name.startsWith("tcp://") || name.startsWith("ssl://")) {
            var server = server("h2", name.substring(4), settings);
            if (server.hosts().size() != 1
                    || !H2_PATH.matcher(server.database()).matches()) {
                throw new Unreadable("unreadable");
            }
            return new JdbcTarget("h2", Kind.H2_SERVER, server.hosts(), server.database(), settings);
        }
        var path = name.startsWith("file:") ? name.substring(5) : name;
        boolean explicit =
                name.startsWith("file:") || path.startsWith("/") || path.startsWith("~") || path.startsWith(".");
        if (explicit && H2_PATH.matcher(path).matches()) {
            return new JdbcTarget("h2", Kind.H2_FILE, List.of(), path, settings);
        }
        throw new Unreadable("unreadable"); // zip:, nio:, split:, memFS:, async:, a bare name ...
    }

    private static JdbcTarget server(String product, String server, List<Property> properties) throws Unreadable {
        if (!server.startsWith("//")) {
            throw new Unreadable("unreadable");
        }
        var path = server.substring(2);
        int slash = path.indexOf('/');
        var hostList = slash < 0 ? path : path.substring(0, slash);
        var database = slash < 0 ? "" : path.substring(slash + 1);
        boolean h2 = product.equals("h2");
        if (!h2 && !DATABASE.matcher(database).matches()) {
            throw new Unreadable("unreadable");
        }
        var hosts = new ArrayList<Host>();
        for (var address : hostList.split(",", -1)) {
            hosts.add(host(address));
        }
        return new JdbcTarget(product, Kind.SERVER, hosts, database, properties);
    }

    private static Host host(String address) throws Unreadable {
        int colon = address.lastIndexOf(':');
        boolean hasPort = colon >= 0 && address.lastIndexOf(']') < colon;
        var name = hasPort ? address.substring(0, colon) : address;
        int port = 0;
        if (hasPort) {
            var digits = address.substring(colon + 1);
            if (!digits.matches("[0-9]{1,5}") || (port = Integer.parseInt(digits)) < 1 || port > 65535) {
                throw new Unreadable("unreadable");
            }
        }
        if (!HOST.matcher(name).matches()) {
            throw new Unreadable("unreadable");
        }
        return new Host(name.startsWith("[") ? name.substring(1, name.length() - 1) : name, port);
    }

    private static Property property(String token, boolean decodeValue) throws Unreadable {
        int equals = token.indexOf('=');
        var name = equals < 0 ? token : token.substring(0, equals);
        var value = equals < 0 ? "" : token.substring(equals + 1);
        if (!NAME.matcher(name).matches()) {
            throw new Unreadable("unreadable");
        }
        if (decodeValue) {
            try {
                value = URLDecoder.decode(value, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new Unreadable("unreadable");
            }
        }
        return new Property(name, value);
    }

    /** Plain printable ASCII: H2 upper-cases setting names by English rules, so {@code ınit} would read as INIT. */
    private static void require(String rest) throws Unreadable {
        if (!rest.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new Unreadable("not-ascii");
        }
    }
}
