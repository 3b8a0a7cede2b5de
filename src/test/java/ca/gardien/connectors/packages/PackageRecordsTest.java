package ca.gardien.connectors.packages;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.requests.TaskResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A package's rows become task records one at a time, and a package over the limit is not cut short. */
class PackageRecordsTest {

    static final String PACKAGE = """
            {"run":"r","connector":"crm","records":[
              {"table":"customer","row":{"id":1,"email":"a@example.test","note":null},"origin":{"email":"COLLECTED"}},
              {"table":"orders","row":{"id":7,"total":"12.50"},"origin":{}},
              {"table":"orders","row":{"id":8,"total":"3.00"},"origin":{}}
            ],"counts":{"customer":1,"orders":2}}
            """;

    @Test
    void rowsBecomePersonAndOrganizationRecordsUpToTheLimit(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("p.json"), PACKAGE);

        var records = PackageRecords.read(Files.newInputStream(file), 3).orElseThrow();

        assertThat(records)
                .extracting(TaskResult.FoundRecord::category, TaskResult.FoundRecord::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("customer", "person"),
                        org.assertj.core.groups.Tuple.tuple("customer", "organization"),
                        org.assertj.core.groups.Tuple.tuple("orders", "organization"),
                        org.assertj.core.groups.Tuple.tuple("orders", "organization"));
        assertThat(records.getFirst().fields()).containsExactly(java.util.Map.entry("email", "a@example.test"));
        assertThat(records.get(1).fields()).containsExactly(java.util.Map.entry("id", "1"));
    }

    @Test
    void aPackageWithMoreRowsThanTheLimitGivesNothingRatherThanAPart(@TempDir Path dir) throws Exception {
        var file = Files.writeString(dir.resolve("p.json"), PACKAGE);

        assertThat(PackageRecords.read(Files.newInputStream(file), 2)).isEmpty();
    }
}
