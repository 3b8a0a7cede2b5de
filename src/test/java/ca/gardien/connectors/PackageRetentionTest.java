package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.connectors.packages.PackageRetention;
import ca.gardien.connectors.packages.PackageWriter;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Export packages are deleted once their retention (30 days after the run) is over, each once, with evidence. */
class PackageRetentionTest extends H2CrmSupport {

    @Autowired
    PackageRetention retention;

    @Autowired
    ConnectorsProperties properties;

    @Autowired
    JdbcTemplate gardienDb;

    @Test
    void aPackageIsKeptThirtyDaysAfterItsRunThenDeletedOnceWithEvidence() throws Exception {
        var run =
                startRun(connector, "{\"action\":\"EXPORT\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}");
        awaitRun(run, "COMPLETED");
        var file = PackageWriter.file(properties.packageDirectory(), UUID.fromString(run));
        var now = Instant.now();

        assertThat(retention.sweep(now.plus(Duration.ofDays(29)))).isZero();
        assertThat(file).exists();
        mvc.perform(get("/api/v1/connectors/runs/" + run + "/package").header("Authorization", officerBearer()))
                .andExpect(status().isOk());

        assertThat(retention.sweep(now.plus(Duration.ofDays(31)))).isGreaterThanOrEqualTo(1);
        assertThat(file).doesNotExist();
        mvc.perform(get("/api/v1/connectors/runs/" + run + "/package").header("Authorization", officerBearer()))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.type").value("https://gardien.ca/problems/package-gone"));
        var evidence = awaitLedgerEntry("connectors.package.deleted", run);
        assertThat(evidence.toString()).contains("packageSha256").contains("\"retentionDays\":\"30\"");

        assertThat(retention.sweep(now.plus(Duration.ofDays(32)))).isZero();
        assertThat(gardienDb.queryForObject(
                        "SELECT COUNT(*) FROM ledger_entry WHERE action = 'connectors.package.deleted' AND object_id = ?",
                        Long.class,
                        run))
                .isEqualTo(1);
    }

    @Test
    void aPackageThisNodeCannotSeeIsNamedAsOnAnotherNodesDiskNotAsMissing() throws Exception {
        var run =
                startRun(connector, "{\"action\":\"EXPORT\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}");
        awaitRun(run, "COMPLETED");
        // as on a node whose package directory is not the one the exporting node wrote to
        Files.delete(PackageWriter.file(properties.packageDirectory(), UUID.fromString(run)));

        mvc.perform(get("/api/v1/connectors/runs/" + run + "/package")
                        .header("Authorization", officerBearer())
                        .header("Accept-Language", "en"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("another node's disk")));
    }

    @Test
    void aFileWithoutARunGoesAfterTheSameTimeButNotBefore() throws Exception {
        Files.createDirectories(properties.packageDirectory());
        var old = properties.packageDirectory().resolve(UUID.randomUUID() + ".json.part");
        var recent = properties.packageDirectory().resolve(UUID.randomUUID() + ".json.part");
        var unrelated = properties.packageDirectory().resolve("notes.txt");
        for (var f : new java.nio.file.Path[] {old, recent, unrelated}) Files.writeString(f, "{}");
        var now = Instant.now();
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(31))));

        retention.sweep(now);

        assertThat(old).doesNotExist();
        assertThat(recent).exists();
        assertThat(unrelated).exists();
    }
}
