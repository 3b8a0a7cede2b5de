package ca.gardien.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The command line of {@code verify-ledger}. The schedule is the auditor's to set (defaults: Gardien's defaults), never
 * read from the export, so that whoever edited the file cannot loosen it.
 */
record VerifierOptions(
        Path file, Set<String> pinnedKeys, TreeMap<Long, String> anchors, Cadence cadence, X509Certificate tsa) {

    static final String USAGE =
            "usage: verify-ledger FILE [--public-key PEM_FILE] [--expect-checkpoint SEQUENCE:HASH]..."
                    + " [--checkpoint-every-entries N] [--max-batch N] [--checkpoint-every DURATION] [--time-margin DURATION]"
                    + " [--as-of TIME] [--tsa-cert PEM_FILE]";

    private static final Pattern ANCHOR = Pattern.compile("([1-9][0-9]{0,17}):([0-9a-f]{64})");
    private static final Pattern COUNT = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})([smh])");
    private static final Pattern TIME =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{3})?Z");

    /** Wrong arguments: the command prints the usage and exits 2. */
    static final class Unusable extends Exception {
        Unusable(String why) {
            super(why, null, false, false);
        }
    }

    static VerifierOptions parse(List<String> args) throws Unusable, IOException {
        if (args.isEmpty() || args.getFirst().startsWith("--") || args.size() % 2 != 1) {
            throw new Unusable(USAGE);
        }
        Set<String> pinned = new HashSet<>();
        var anchors = new TreeMap<Long, String>();
        var c = Cadence.DEFAULT;
        X509Certificate tsa = null;
        for (int i = 1; i < args.size(); i += 2) {
            var value = args.get(i + 1);
            switch (args.get(i)) {
                case "--public-key" -> pinned.add(Files.readString(Path.of(value)));
                case "--expect-checkpoint" -> {
                    var m = matching(ANCHOR, value);
                    anchors.put(Long.parseLong(m.group(1)), m.group(2));
                }
                case "--checkpoint-every-entries" ->
                    c = new Cadence(count(value), c.maxBatch(), c.every(), c.margin(), c.asOf());
                case "--max-batch" -> c = new Cadence(c.everyEntries(), count(value), c.every(), c.margin(), c.asOf());
                case "--checkpoint-every" ->
                    c = new Cadence(c.everyEntries(), c.maxBatch(), duration(value), c.margin(), c.asOf());
                case "--time-margin" ->
                    c = new Cadence(c.everyEntries(), c.maxBatch(), c.every(), duration(value), c.asOf());
                case "--as-of" ->
                    c = c.withAsOf(Instant.parse(matching(TIME, value).group()));
                case "--tsa-cert" -> tsa = certificate(Path.of(value));
                default -> throw new Unusable(USAGE);
            }
        }
        return new VerifierOptions(Path.of(args.getFirst()), pinned, anchors, c, tsa);
    }

    private static java.util.regex.Matcher matching(Pattern pattern, String value) throws Unusable {
        var m = pattern.matcher(value);
        if (!m.matches()) {
            throw new Unusable(USAGE);
        }
        return m;
    }

    private static int count(String value) throws Unusable {
        return Integer.parseInt(matching(COUNT, value).group());
    }

    /** {@code 30s}, {@code 5m}, {@code 1h}: the notation of Gardien's settings. */
    private static Duration duration(String value) throws Unusable {
        var m = matching(DURATION, value);
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static X509Certificate certificate(Path pem) throws IOException, Unusable {
        try (var in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new Unusable(pem + " is not an X.509 certificate (PEM)");
        }
    }
}
