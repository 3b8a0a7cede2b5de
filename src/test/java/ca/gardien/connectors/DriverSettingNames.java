package ca.gardien.connectors;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The setting names a JDBC driver would read from a URL, folded the way that driver folds them, so that a test can ask
 * whether a URL sets a dangerous property under any spelling the driver accepts.
 *
 * <p>Checked against the drivers on the class path (H2 2.4, pgjdbc 42.7, MariaDB Connector/J 3.5): H2 upper-cases a
 * setting name with English rules ({@code ınit} is read as {@code INIT}, {@code ſ} as {@code S}, {@code ﬆ} as
 * {@code ST}) and neither trims nor decodes it; MariaDB lower-cases option names ({@code SOCKETFACTORY} is
 * {@code socketFactory}, and the Kelvin sign is {@code k}); pgjdbc reads names exactly as written.
 */
final class DriverSettingNames {

    /** H2 settings that run SQL when a connection opens. */
    static final Set<String> H2_SCRIPTS = Set.of("INIT");

    /** H2 settings that instantiate a class named in the URL. */
    static final Set<String> H2_CLASSES = Set.of("DATABASE_EVENT_LISTENER", "JAVA_OBJECT_SERIALIZER");

    /** pgjdbc and MariaDB/MySQL Connector/J properties that instantiate a class or replace the socket, lower-cased. */
    static final Set<String> DRIVER_CLASSES = Set.of(
            "socketfactory",
            "socketfactoryarg",
            "sslfactory",
            "sslfactoryarg",
            "sslhostnameverifier",
            "sslpasswordcallback",
            "authenticationpluginclassname",
            "tlssockettype",
            "autodeserialize",
            "queryinterceptors",
            "statementinterceptors",
            "exceptioninterceptors",
            "connectionlifecycleinterceptors");

    private DriverSettingNames() {}

    /** Which of {@code dangerous} an H2 URL sets, each named as H2 reads it; empty for any other URL. */
    static Set<String> h2Settings(String url, Set<String> dangerous) {
        var found = new LinkedHashSet<String>();
        if (url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            for (var name : names(url)) {
                var english = fold(name, true);
                if (dangerous.contains(english)) {
                    found.add(english);
                }
            }
        }
        return found;
    }

    /** Which of {@code dangerous} any other URL sets, each named as pgjdbc or MariaDB reads it. */
    static Set<String> driverProperties(String url, Set<String> dangerous) {
        var found = new LinkedHashSet<String>();
        if (!url.regionMatches(true, 0, "jdbc:h2:", 0, 8)) {
            for (var name : names(url)) {
                var ascii = fold(name, false);
                if (dangerous.contains(ascii)) {
                    found.add(ascii);
                }
            }
        }
        return found;
    }

    /**
     * How far the URL's names have come towards spelling {@code target} as its driver folds them, as a small state for
     * the fuzzer to explore: for the closest name, the length of the prefix its folded form shares with the target,
     * whether the lengths are equal, and whether a non-ASCII character folded into that prefix. That last bit keeps
     * each step of a spelling such as {@code ı}, {@code ın}, {@code ını} in the corpus apart from the plain-ASCII one
     * of the same length, which the check refuses once complete; each step is one more byte.
     */
    static byte progress(String url, String target) {
        boolean h2 = url.regionMatches(true, 0, "jdbc:h2:", 0, 8);
        int best = 0;
        for (var name : names(url)) {
            var folded = new StringBuilder();
            int same = 0;
            boolean foldedIn = false;
            for (int i = 0; i < name.length() && same == folded.length(); ) {
                int c = name.codePointAt(i);
                i += Character.charCount(c);
                folded.append(fold(Character.toString(c), h2));
                while (same < Math.min(folded.length(), target.length())
                        && folded.charAt(same) == target.charAt(same)) {
                    same++;
                    foldedIn |= c > 127;
                }
            }
            boolean whole = same == target.length() && fold(name, h2).length() == target.length();
            best = Math.max(best, (Math.min(same, 31) << 2) | (whole ? 2 : 0) | (foldedIn ? 1 : 0));
        }
        return (byte) best;
    }

    /**
     * A name as the driver reads it: H2 upper-cases it in English; MariaDB lower-cases it (pgjdbc compares it as
     * written, which lower-casing only over-approximates).
     */
    static String fold(String name, boolean h2) {
        return h2 ? name.toUpperCase(Locale.ENGLISH) : name.toLowerCase(Locale.ROOT);
    }

    /** Every dangerous name, for guidance. */
    static List<String> all() {
        var all = new ArrayList<String>(H2_SCRIPTS);
        all.addAll(H2_CLASSES);
        all.addAll(DRIVER_CLASSES);
        return all.stream().sorted().toList();
    }

    /**
     * The name of every setting of the URL, split as its driver splits it: H2 at {@code ;}, the others at {@code &}
     * after the first {@code ?}. A part without {@code =} sets nothing (H2 refuses it, pgjdbc gives it no value).
     */
    static List<String> names(String url) {
        boolean h2 = url.regionMatches(true, 0, "jdbc:h2:", 0, 8);
        int start = h2 ? url.indexOf(';') : url.indexOf('?');
        var names = new ArrayList<String>();
        if (start < 0) {
            return names;
        }
        for (var part : url.substring(start + 1).split(h2 ? ";" : "&", -1)) {
            int equals = part.indexOf('=');
            if (equals >= 0) {
                names.add(part.substring(0, equals));
            }
        }
        return names;
    }
}
