package ca.gardien.shared;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The addresses Gardien may call at a URL that a user or a client gave it (webhooks, OpenCompliance callbacks): public
 * unicast addresses only, judged after DNS resolution, unless the operator allows a network (CIDR) or a host name.
 * Every address a name resolves to must be allowed, or none is used. Numeric host forms that other software reads
 * differently from Java ({@code 2130706433}, {@code 0177.0.0.1}, {@code 127.1}) are refused outright.
 */
public final class OutboundAddresses {

    /** Why an address is not called. */
    public enum Reason {
        /** loopback, private, link-local, shared (CGNAT), unspecified, multicast, broadcast or reserved */
        NOT_PUBLIC,
        /** a numeric host that is not a plain dotted quad, or a host name that is not ASCII */
        AMBIGUOUS_HOST,
        /** the host name does not resolve */
        UNRESOLVED
    }

    /** Thrown where a DNS hook must throw {@link UnknownHostException}; the message names no address. */
    public static final class Refused extends UnknownHostException {

        private final Reason reason;

        public Refused(Reason reason) {
            super("outbound address refused: " + reason);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** Resolves a host name to all its addresses; tests replace the system resolver. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Pattern HOST_NAME =
            Pattern.compile("(?i)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*\\.?");
    private static final Pattern NUMERIC = Pattern.compile("(?i)(?:0x[0-9a-f]*|[0-9]+)(?:\\.(?:0x[0-9a-f]*|[0-9]*))*");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

    private final List<Network> networks = new ArrayList<>();
    private final Set<String> names;
    private final Resolver resolver;

    /** @param allowed CIDRs ({@code 10.20.0.0/16}, {@code 127.0.0.1/32}, {@code fd00::/8}) and host names */
    public OutboundAddresses(List<String> allowed) {
        this(allowed, InetAddress::getAllByName);
    }

    public OutboundAddresses(List<String> allowed, Resolver resolver) {
        var hosts = new ArrayList<String>();
        for (var entry : allowed == null ? List.<String>of() : allowed) {
            var text = entry.strip();
            if (text.contains("/")
                    || text.contains(":")
                    || DOTTED_QUAD.matcher(text).matches()) {
                networks.add(Network.parse(text));
            } else if (HOST_NAME.matcher(text).matches()
                    && !NUMERIC.matcher(text).matches()) {
                hosts.add(canonical(text));
            } else {
                throw new IllegalArgumentException("not a CIDR or host name in the outbound allow-list: " + text);
            }
        }
        this.names = Set.copyOf(hosts);
        this.resolver = resolver;
    }

    /**
     * The addresses to connect to for {@code host} (a name or a literal, IPv6 with or without brackets): all of them
     * allowed, or a {@link Refused}. Callers connect to exactly these addresses, so DNS cannot change the answer
     * between the check and the connection.
     */
    public List<InetAddress> resolve(String host) throws Refused {
        var bare = bare(host);
        var addresses = addresses(bare);
        boolean nameAllowed = !literal(bare) && names.contains(canonical(bare));
        for (var address : addresses) {
            if (!nameAllowed && !allowed(address)) {
                throw new Refused(Reason.NOT_PUBLIC);
            }
        }
        return List.of(addresses);
    }

    /**
     * Whether {@code host} is on the operator's list itself: a listed name, or a host whose every address lies inside
     * a listed network. Unlike {@link #resolve}, a public address is not enough: for targets that are normally
     * internal (a connector's database), where the list says which ones Gardien may reach at all.
     */
    public boolean listed(String host) {
        try {
            var bare = bare(host);
            if (!literal(bare) && names.contains(canonical(bare))) {
                return true;
            }
            for (var address : addresses(bare)) {
                if (networks.stream().noneMatch(n -> n.contains(address))) {
                    return false;
                }
            }
            return true;
        } catch (Refused e) {
            return false;
        }
    }

    private static String bare(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static boolean literal(String bare) {
        return bare.contains(":") || DOTTED_QUAD.matcher(bare).matches();
    }

    /** Every address of a host name or literal that reads one way only; never empty. */
    private InetAddress[] addresses(String bare) throws Refused {
        if (bare == null || bare.isEmpty() || !ascii(bare)) {
            throw new Refused(Reason.AMBIGUOUS_HOST);
        }
        boolean literal = literal(bare);
        if (!literal
                && (NUMERIC.matcher(bare).matches() || !HOST_NAME.matcher(bare).matches())) {
            throw new Refused(Reason.AMBIGUOUS_HOST);
        }
        if (literal && bare.contains("%")) { // a scoped address (fe80::1%eth0) names an interface: never a public one
            throw new Refused(Reason.AMBIGUOUS_HOST);
        }
        InetAddress[] addresses;
        try {
            addresses = literal ? InetAddress.getAllByName(bare) : resolver.resolve(bare); // a literal: no DNS
        } catch (UnknownHostException e) {
            // a literal that does not read as an address is no name that may resolve later (attacker's review:
            // http://[::1%25lo] was registered as a name not resolving yet)
            throw new Refused(literal ? Reason.AMBIGUOUS_HOST : Reason.UNRESOLVED);
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused(Reason.UNRESOLVED);
        }
        return addresses;
    }

    /**
     * Why Gardien would not call this http(s) URL, judged when it is given, or empty. A name that does not resolve now
     * is not refused here (a DNS outage must not turn clients away): every call resolves and checks it again, and
     * fails while it does not resolve or resolves to an address that is not allowed.
     */
    public Optional<Reason> refusal(URI uri) {
        try {
            resolve(uri.getHost());
            return Optional.empty();
        } catch (Refused e) {
            return e.reason() == Reason.UNRESOLVED ? Optional.empty() : Optional.of(e.reason());
        }
    }

    /** Whether the address may be called: a public unicast address, or one inside a network the operator allows. */
    public boolean allowed(InetAddress address) {
        return networks.stream().anyMatch(n -> n.contains(address)) || isPublic(address);
    }

    /** A globally routable unicast address (IPv4 inside IPv6 judged as IPv4). */
    public static boolean isPublic(InetAddress address) {
        var embedded = Network.embeddedIpv4(address);
        if (embedded != null) {
            return isPublic(embedded);
        }
        var refused = address instanceof Inet4Address ? Network.NOT_PUBLIC_V4 : Network.NOT_PUBLIC_V6;
        return refused.stream().noneMatch(n -> n.contains(address));
    }

    @Override
    public String toString() {
        return "OutboundAddresses[networks=" + networks + ", names="
                + names.stream().sorted().collect(Collectors.joining(",")) + "]";
    }

    private static boolean ascii(String text) {
        return text.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }

    private static String canonical(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
