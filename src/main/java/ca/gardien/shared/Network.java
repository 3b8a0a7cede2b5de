package ca.gardien.shared;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** An IP network (address and prefix length), and the ranges that are not public. */
record Network(byte[] prefix, int bits) {

    /** RFC 6890 special-purpose IPv4 ranges, multicast and the limited broadcast address (in 240.0.0.0/4). */
    static final List<Network> NOT_PUBLIC_V4 = List.of(
            parse("0.0.0.0/8"),
            parse("10.0.0.0/8"),
            parse("100.64.0.0/10"),
            parse("127.0.0.0/8"),
            parse("169.254.0.0/16"),
            parse("172.16.0.0/12"),
            parse("192.0.0.0/24"),
            parse("192.0.2.0/24"),
            parse("192.88.99.0/24"),
            parse("192.168.0.0/16"),
            parse("198.18.0.0/15"),
            parse("198.51.100.0/24"),
            parse("203.0.113.0/24"),
            parse("224.0.0.0/4"),
            parse("240.0.0.0/4"));

    /** Unspecified, loopback, NAT64 local use, discard, Teredo, documentation, unique local, link- and site-local. */
    static final List<Network> NOT_PUBLIC_V6 = List.of(
            parse("::/128"),
            parse("::1/128"),
            parse("64:ff9b:1::/48"),
            parse("100::/64"),
            parse("2001::/32"),
            parse("2001:db8::/32"),
            parse("fc00::/7"),
            parse("fe80::/10"),
            parse("fec0::/10"),
            parse("ff00::/8"));

    private static final Network MAPPED = parse("::ffff:0:0/96");
    private static final Network COMPATIBLE = parse("::/96");
    private static final Network NAT64 = parse("64:ff9b::/96");
    private static final Network SIX_TO_FOUR = parse("2002::/16");

    /** {@code a.b.c.d/n}, {@code v6::/n}, or a single address. */
    static Network parse(String cidr) {
        var slash = cidr.indexOf('/');
        var address = slash < 0 ? cidr : cidr.substring(0, slash);
        if (!address.matches("(?i)[0-9a-f:.]+")) {
            throw new IllegalArgumentException("not an IP address: " + cidr);
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress(); // a literal: no DNS lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + cidr);
        }
        if (address.contains(":") && bytes.length == 4) {
            bytes = mapped(bytes); // Java reads ::ffff:a.b.c.d as IPv4; keep it IPv6 for the prefix
        }
        int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("bad prefix length: " + cidr);
        }
        return new Network(bytes, bits);
    }

    boolean contains(InetAddress address) {
        var bytes = address.getAddress();
        if (bytes.length == 4 && prefix.length == 16) {
            bytes = mapped(bytes);
        }
        if (bytes.length != prefix.length) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((bytes[i / 8] & mask) != (prefix[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or null. */
    static InetAddress embeddedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return null;
        }
        var b = address.getAddress();
        byte[] v4 = null;
        if (MAPPED.contains(address) || NAT64.contains(address)) {
            v4 = Arrays.copyOfRange(b, 12, 16);
        } else if (COMPATIBLE.contains(address)
                && !NOT_PUBLIC_V6.get(0).contains(address)
                && !NOT_PUBLIC_V6.get(1).contains(address)) {
            v4 = Arrays.copyOfRange(b, 12, 16);
        } else if (SIX_TO_FOUR.contains(address)) {
            v4 = Arrays.copyOfRange(b, 2, 6);
        }
        try {
            return v4 == null ? null : Inet4Address.getByAddress(v4);
        } catch (UnknownHostException e) {
            return null; // four bytes are always an address
        }
    }

    private static byte[] mapped(byte[] v4) {
        var v6 = new byte[16];
        v6[10] = (byte) 0xff;
        v6[11] = (byte) 0xff;
        System.arraycopy(v4, 0, v6, 12, 4);
        return v6;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(prefix).getHostAddress() + "/" + bits;
        } catch (UnknownHostException e) {
            return "?/" + bits;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Network n && n.bits == bits && Arrays.equals(n.prefix, prefix);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(prefix) + bits;
    }
}
