package ca.gardien.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Abuse limits on public inputs (forms, code sends and checks, anonymous consent writes): at most {@code max} uses of a
 * named limit per key (a client address, an identifier) in each window. The counters live in the database shared by
 * every node, keyed by a keyed digest of the key, so that a limit holds for the cluster and no address or identifier is
 * stored. Modules name their limits and take the quotas from their own settings; the module {@code ratelimits}
 * implements this interface.
 */
public interface RateLimits {

    /**
     * Counts one use of {@code limit} by {@code key}, or refuses it once the key has used up the quota of the current
     * window. Joins the caller's transaction when there is one (a call that rolls back does not count), and holds the
     * counter's row until it ends, so concurrent uses by one key are counted one after the other.
     *
     * @param limit a stable name ({@code requests.form-per-address}); counters are kept per name
     * @param key the raw address or identifier; it is only ever stored as a keyed digest
     * @throws RateLimitedException when the quota is used up, with the time until the window ends
     */
    void consume(String limit, Quota quota, String key);

    /**
     * Makes the refusals of {@code limit} a metric from now on, at zero until the first refusal, for a limit operators
     * alert on (a refusal's metric is otherwise created by the first refusal, which an alert rule cannot wait for).
     */
    default void watch(String limit) {}

    /**
     * The key under which a client address is limited: an IPv4 address as is, an IPv6 address by its /64 prefix (what
     * one subscriber usually holds). The address is the connection's, or the client's as a reverse proxy reports it
     * when {@code server.forward-headers-strategy} is set; never a header read here.
     */
    static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (!remoteAddress.contains(":")) {
            return remoteAddress;
        }
        try {
            var bytes = InetAddress.getByName(remoteAddress).getAddress(); // a literal: no DNS look-up
            if (bytes.length != 16) {
                return remoteAddress;
            }
            var prefix = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                        .append(':');
            }
            return prefix.append(":/64").toString();
        } catch (UnknownHostException e) {
            return remoteAddress;
        }
    }

    /**
     * At most {@code max} uses per {@code per}; written {@code 5/1h}, {@code 3/1d}, {@code 60/1m} in settings.
     *
     * @param max uses allowed in a window, at least 1
     * @param per the window, from one second to 31 days
     */
    record Quota(int max, Duration per) {

        private static final Pattern TEXT = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,6})\\s*([smhd])\\s*");

        public Quota {
            if (max < 1) {
                throw new IllegalArgumentException("a quota allows at least one use");
            }
            if (per == null || per.compareTo(Duration.ofSeconds(1)) < 0 || per.compareTo(Duration.ofDays(31)) > 0) {
                throw new IllegalArgumentException("a quota's window is between 1s and 31d");
            }
        }

        /** Parses {@code <max>/<n><s|m|h|d>}, e.g. {@code 5/1h}. */
        public static Quota of(String text) {
            var m = TEXT.matcher(text == null ? "" : text);
            if (!m.matches()) {
                throw new IllegalArgumentException("a quota is written <max>/<n><s|m|h|d>, e.g. 5/1h");
            }
            long n = Long.parseLong(m.group(2));
            var per = switch (m.group(3)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return new Quota(Integer.parseInt(m.group(1)), per);
        }

        @Override
        public String toString() {
            return max + "/" + per.toSeconds() + "s";
        }
    }
}
