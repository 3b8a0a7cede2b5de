package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Role;
import ca.gardien.requests.TaskResult;
import ca.gardien.shared.Actor;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;

/**
 * The request page shows what tasks recorded whatever its size, and records stored before the task completion rules (a
 * record without fields) read as empty instead of breaking the page.
 */
class TaskRecordsPageTest extends RequestConsoleSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRecordStoredWithoutFieldsReadsAsEmptyOnTheRequestPage() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        jdbc.sql("UPDATE requests_task SET status = 'DONE', outcome = 'FOUND', completed_at = CURRENT_TIMESTAMP,"
                        + " records = ? WHERE request_id = ?")
                .params("""
                        [{"category": null, "source": null, "fields": null},
                         {"category": "contact", "source": "person", "fields": {"phone": "+1 418 555 0142"}}]""", id)
                .update();

        for (var reader : new MockHttpSession[] {staff, session(Role.PRIVACY_OFFICER), session(Role.AUDITOR)}) {
            assertThat(page("/console/requests/" + id, reader)).isNotBlank();
        }
        assertThat(page("/console/requests/" + id, staff))
                .contains("1 renseignement consigné")
                .contains("+1 418 555 0142");
    }

    @Test
    void aConnectorSizedExportOfThousandsOfRecordsStillShowsOnThePage() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        var task = tasks.of(id).getFirst();
        var records = IntStream.range(0, 5000)
                .mapToObj(i -> new TaskResult.FoundRecord("customer", "person", Map.of("id", "C-" + i)))
                .toList();
        tasks.complete(
                id, task.id(), new TaskResult("FOUND", null, records), new Actor(Actor.Kind.SYSTEM, "connector:shop"));

        assertThat(page("/console/requests/" + id, staff))
                .containsPattern("5.000 renseignements consignés")
                .contains("C-4999");
    }
}
