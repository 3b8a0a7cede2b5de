package ca.gardien.requests;

import ca.gardien.support.PostgresCondition;
import ca.gardien.support.PostgresTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;

/**
 * The same retention test on PostgreSQL; the dump taken before the purge is a real {@code pg_dump} of the test's schema
 * (PostgreSQL's own client), or the tables' text when the machine has no {@code pg_dump}.
 */
@PostgresTest
class RequestRetentionPostgresTest extends RequestRetentionTest {

    @Value("${spring.flyway.schemas}")
    String schema;

    @Override
    protected String databaseDump() {
        var pgDump = Path.of("/usr/bin/pg_dump");
        if (!Files.isExecutable(pgDump)) {
            return super.databaseDump();
        }
        var url = PostgresCondition.url();
        var address = Pattern.compile("//([^/:]+):(\\d+)/([^?]+)").matcher(url);
        var user = Pattern.compile("[?&]user=([^&]+)").matcher(url);
        if (!address.find()) {
            return super.databaseDump();
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
