package ca.gardien.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a backup of Gardien's database holds, for crypto-shredding tests: on PostgreSQL a real {@code pg_dump} of the
 * test's schema (PostgreSQL's own client); elsewhere, or without {@code pg_dump}, every value of the given tables as
 * text (binary values in hex, as {@code pg_dump} writes them).
 */
public final class DatabaseDumps {

    private DatabaseDumps() {}

    /** Every value of these tables as text; bytes in lower-case hex. */
    public static String tables(JdbcClient jdbc, List<String> tables) {
        var text = new StringBuilder();
        for (var table : tables) {
            jdbc.sql("SELECT * FROM " + table)
                    .query()
                    .listOfRows()
                    .forEach(row -> row.values()
                            .forEach(v -> text.append(v instanceof byte[] b ? hex(b) : String.valueOf(v))
                                    .append('\t')));
        }
        return text.toString();
    }

    /** Lower-case hex of bytes, as {@code pg_dump} writes a {@code BYTEA} (after its {@code \x}). */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** A data-only {@code pg_dump} of one schema of the test database, or null when the machine has no pg_dump. */
    public static String pgDump(String schema) {
        var pgDump = Path.of("/usr/bin/pg_dump");
        var url = PostgresCondition.url();
        var address = Pattern.compile("//([^/:]+):(\\d+)/([^?]+)").matcher(url);
        var user = Pattern.compile("[?&]user=([^&]+)").matcher(url);
        if (!Files.isExecutable(pgDump) || !address.find()) {
            return null;
        }
        var command = new ArrayList<>(List.of(
                pgDump.toString(),
                "--data-only",
                "--schema=" + schema,
                "--host=" + address.group(1),
                "--port=" + address.group(2),
                "--username=" + (user.find() ? user.group(1) : "postgres"),
                address.group(3)));
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            var out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("pg_dump failed: " + out);
            }
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
