package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The burn-down and the dashboard tile read open requests as counts by jurisdiction, due date and status, kept between
 * page loads until a request changes.
 */
class OpenRequestsTest extends RequestsTestSupport {

    @Autowired
    OpenRequests open;

    @Autowired
    RequestStore store;

    @Test
    void countsOpenRequestsByGroupAndSeesANewRequestOrAClosedOneAtOnce() throws Exception {
        long before = total(open.groups());

        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", "customer");
        var afterFiling = open.groups();

        assertThat(total(afterFiling)).isEqualTo(before + 1);
        assertThat(afterFiling).allMatch(g -> g.status().isOpen());
        assertThat(total(afterFiling)).isEqualTo(openInTable());

        assertThat(store.move(id, RequestStatus.RECEIVED, RequestStatus.CANCELLED, java.time.Instant.now()))
                .isTrue();

        assertThat(total(open.groups())).isEqualTo(before);
    }

    @Test
    void keepsTheCountsWhileNoRequestChanges() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", "customer");
        var first = open.groups();

        // a row written behind the store's back (as another node would) is not counted until the counts expire
        jdbc.sql("UPDATE requests_request SET status = 'CLOSED' WHERE id = ?")
                .param(id)
                .update();

        assertThat(open.groups()).isSameAs(first);
        assertThat(open.byDueDate().values().stream()
                        .mapToLong(Integer::longValue)
                        .sum())
                .isEqualTo(total(first));
    }

    private long openInTable() {
        return jdbc.sql("SELECT COUNT(*) FROM requests_request WHERE status IN ('RECEIVED', 'IDENTITY_VERIFIED',"
                        + " 'IN_PROGRESS', 'RESPONSE_DRAFTED', 'APPROVED')")
                .query(Long.class)
                .single();
    }

    private static long total(List<OpenRequests.Group> groups) {
        return groups.stream().mapToLong(OpenRequests.Group::count).sum();
    }
}
