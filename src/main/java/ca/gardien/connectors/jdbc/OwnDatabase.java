package ca.gardien.connectors.jdbc;

import ca.gardien.connectors.jdbc.JdbcTarget.Host;
import ca.gardien.connectors.jdbc.JdbcTarget.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognizes Gardien's own database behind a connector's URL: the same URL; for a server, the same product family,
 * host (by name, by any shared address, or both on this machine), port and database (an empty database name matches
 * any); for H2, the same in-memory name, or a file in the same directory as Gardien's (paths made absolute, symbolic
 * links resolved, {@code .mv.db} dropped, case ignored).
 */
public final class OwnDatabase {

    /** Name resolution and "is this address this machine", replaceable in tests. */
    public interface Hosts {
        InetAddress[] resolve(String host) throws UnknownHostException;

        boolean local(InetAddress address);

        Hosts SYSTEM = new Hosts() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return InetAddress.getAllByName(host);
            }

            @Override
            public boolean local(InetAddress a) {
                try {
                    return a.isLoopbackAddress()
                            || a.isAnyLocalAddress()
                            || NetworkInterface.getByInetAddress(a) != null;
                } catch (SocketException e) {
                    return false;
                }
            }
        };
    }

    private static final Pattern SERVER =
            Pattern.compile("jdbc:([a-z0-9]+):(?:[a-z0-9:]*?)//([^/?;]*)(?:/([^?;]*))?.*");
    /** {@code jdbc:postgresql:database}: the local server. */
    private static final Pattern LOCAL = Pattern.compile("jdbc:([a-z0-9]+):([A-Za-z0-9_$.-]+)(?:[?;].*)?");

    private static final Map<String, Integer> PORTS = Map.of("postgresql", 5432, "mysql", 3306, "h2", 9092);

    private final String url;
    private final JdbcTarget own;
    private final Hosts hosts;
    private final Map<String, Integer> ports;

    /** @param ports default ports of operators' products, by family (the word after {@code jdbc:}) */
    OwnDatabase(String url, Hosts hosts, Map<String, Integer> ports) {
        this.url = url == null ? "" : url.strip();
        this.hosts = hosts;
        this.ports = ports;
        this.own = read(this.url);
    }

    boolean isOwn(String candidateUrl, JdbcTarget target) {
        if (candidateUrl.strip().equals(url)) {
            return true;
        }
        if (own == null || !family(target.product()).equals(own.product())) {
            return false;
        }
        return switch (target.kind()) {
            case H2_MEMORY ->
                own.kind() == Kind.H2_MEMORY
                        && !target.database().isEmpty()
                        && target.database().equalsIgnoreCase(own.database());
            case H2_FILE ->
                (own.kind() == Kind.H2_FILE || own.kind() == Kind.H2_SERVER && local(own.hosts()))
                        && sameDirectory(target.database(), own.database());
            case H2_SERVER, SERVER ->
                own.kind() == target.kind()
                        && sameServer(target)
                        && (target.kind() == Kind.SERVER
                                ? sameDatabase(target.database(), own.database())
                                : sameFile(target.database(), own.database()));
        };
    }

    /** Whether any of these hosts is this machine (where an H2 server may be serving Gardien's own file). */
    boolean local(List<Host> candidates) {
        for (var host : candidates) {
            if (host.name().equalsIgnoreCase("localhost")) {
                return true;
            }
            for (var address : addresses(host.name())) {
                if (hosts.local(address)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean sameServer(JdbcTarget target) {
        int defaultPort = ports.getOrDefault(own.product(), PORTS.getOrDefault(own.product(), 0));
        for (var mine : own.hosts()) {
            for (var theirs : target.hosts()) {
                int a = mine.port() == 0 ? defaultPort : mine.port();
                int b = theirs.port() == 0 ? defaultPort : theirs.port();
                if (a == b && sameHost(mine.name(), theirs.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean sameHost(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        var left = addresses(a);
        var right = addresses(b);
        boolean bothHere =
                left.stream().anyMatch(hosts::local) && right.stream().anyMatch(hosts::local);
        return bothHere || left.stream().anyMatch(right::contains);
    }

    private List<InetAddress> addresses(String host) {
        try {
            return Arrays.asList(hosts.resolve(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }

    private static boolean sameDatabase(String a, String b) {
        return a.isEmpty() || b.isEmpty() || a.equalsIgnoreCase(b);
    }

    private static boolean sameFile(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    /** The same file, or any file beside it: Gardien's data directory is not a place for a connector. */
    private static boolean sameDirectory(String a, String b) {
        var left = Path.of(canonical(a));
        var right = Path.of(canonical(b));
        return left.equals(right)
                || left.getParent() != null && left.getParent().equals(right.getParent());
    }

    /** Absolute, normalized, symbolic links of the longest existing ancestor resolved, H2 suffix dropped, lower case. */
    static String canonical(String h2Path) {
        var path = h2Path.startsWith("~") ? System.getProperty("user.home") + h2Path.substring(1) : h2Path;
        for (var suffix : List.of(".mv.db", ".h2.db")) {
            if (path.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                path = path.substring(0, path.length() - suffix.length());
            }
        }
        var absolute = Path.of(path).toAbsolutePath().normalize();
        var existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null) {
            try {
                absolute = existing.toRealPath().resolve(existing.relativize(absolute));
            } catch (IOException e) {
                // keep the normalized path
            }
        }
        return absolute.toString().toLowerCase(Locale.ROOT);
    }

    /** The products whose URLs reach the same servers: MariaDB's and MySQL's are one. */
    static String family(String product) {
        return product.equals("mariadb") ? "mysql" : product;
    }

    /** Gardien's own URL, read loosely (it is configuration, not input): what it names, or null. */
    static JdbcTarget read(String url) {
        if (url.startsWith(JdbcProducts.H2_PREFIX)) {
            var name = url.substring(JdbcProducts.H2_PREFIX.length()).split(";", 2)[0];
            if (name.startsWith("mem:")) {
                return new JdbcTarget("h2", Kind.H2_MEMORY, List.of(), name.substring(4), List.of());
            }
            if (!name.startsWith("tcp://") && !name.startsWith("ssl://")) {
                var path = name.startsWith("file:") ? name.substring(5) : name;
                return new JdbcTarget("h2", Kind.H2_FILE, List.of(), path, List.of());
            }
            var server = server("h2", "jdbc:h2:" + name.substring(4));
            return server == null
                    ? null
                    : new JdbcTarget("h2", Kind.H2_SERVER, server.hosts(), server.database(), List.of());
        }
        var matcher = SERVER.matcher(url);
        if (matcher.matches()) {
            return server(family(matcher.group(1)), url);
        }
        var local = LOCAL.matcher(url);
        return local.matches()
                ? new JdbcTarget(
                        family(local.group(1)),
                        Kind.SERVER,
                        List.of(new Host("localhost", 0)),
                        local.group(2),
                        List.of())
                : null;
    }

    private static JdbcTarget server(String family, String url) {
        var matcher = SERVER.matcher(url);
        if (!matcher.matches()) {
            return null;
        }
        var list = new ArrayList<Host>();
        for (var address : matcher.group(2).split(",")) {
            int colon = address.lastIndexOf(':');
            boolean port = colon >= 0
                    && address.lastIndexOf(']') < colon
                    && address.substring(colon + 1).matches("[0-9]{1,5}");
            var name = port ? address.substring(0, colon) : address;
            name = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
            list.add(new Host(
                    name.isEmpty() ? "localhost" : name, port ? Integer.parseInt(address.substring(colon + 1)) : 0));
        }
        var database = matcher.group(3) == null ? "" : URLDecoder.decode(matcher.group(3), StandardCharsets.UTF_8);
        return new JdbcTarget(family, Kind.SERVER, list, database, List.of());
    }
}
