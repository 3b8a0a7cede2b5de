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

/**
 * Export packages are sealed under a key of their own, and deleted once their retention (30 days after the run) is
 * over, each once, with evidence; destroying the key then makes every copy of the file unreadable.
 */
class PackageRetentionTest extends H2CrmSupport {

    @Autowired
    ca.gardien.shared.SubjectKeys subjectKeys;

    @Autowired
    ca.gardien.connectors.runs.RunPackageMarks marks;

    @Test
    void aPackageIsSealedOnDiskAndEveryCopyIsUnreadableOnceItsRetentionDestroyedItsKey() throws Exception {
        var run =
                startRun(connector, "{\"action\":\"EXPORT\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}");
        awaitRun(run, "COMPLETED");
        var id = UUID.fromString(run);
        var file = PackageWriter.file(properties.packageDirectory(), id);
        var copy = Files.readAllBytes(file); // as a backup of the package directory, or another node's disk, holds it

        assertThat(new String(copy, java.nio.charset.StandardCharsets.ISO_8859_1))
                .startsWith("sks1")
                .doesNotContain(CrmDatabase.ALICE)
                .doesNotContain("Alice Tremblay");
        var body = mvc.perform(
                        get("/api/v1/connectors/runs/" + run + "/package").header("Authorization", officerBearer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).contains("Alice Tremblay");
        var recorded =
                gardienDb.queryForObject("SELECT package_sha256 FROM connectors_run WHERE id = ?", String.class, run);
        assertThat(java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(body)))
                .isEqualTo(recorded);
        var key = marks.packageKey(id).orElseThrow();

        retention.sweep(Instant.now().plus(Duration.ofDays(31)));

        assertThat(subjectKeys.exists(key)).isFalse();
        assertThat(marks.packageKey(id)).isEmpty();
        assertThat(subjectKeys.key(key).opening(new java.io.ByteArrayInputStream(copy)))
                .isNull();
        // a copy restored into the package directory after the sweep is gone for the API too, not served in clear
        Files.write(file, copy);
        mvc.perform(get("/api/v1/connectors/runs/" + run + "/package").header("Authorization", officerBearer()))
                .andExpect(status().isGone());
        assertThat(awaitLedgerEntry("connectors.package.deleted", run).toString())
                .contains("\"packageKey\":\"destroyed\"");
    }

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
