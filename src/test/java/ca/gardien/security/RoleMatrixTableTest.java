package ca.gardien.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.security.RoleMatrix.Access;
import ca.gardien.security.RoleMatrix.Caller;
import org.junit.jupiter.api.Test;

/** The expected-access table is read strictly: a mistake in it fails the build instead of weakening the matrix. */
class RoleMatrixTableTest {

    @Test
    void readsOneRowPerOperationWithItsCellsAndItsNote() {
        var matrix = RoleMatrix.parse("""
                # a comment
                GET  /api/v1/things   401 ok 403 ok ok 403
                post /api/v1/things   401 403 ok ok ok ok   # finding X: why
                """);

        assertThat(matrix.rows()).containsOnlyKeys("GET /api/v1/things", "POST /api/v1/things");
        var post = matrix.rows().get("POST /api/v1/things");
        assertThat(post.expected())
                .containsEntry(Caller.ANONYMOUS, Access.UNAUTHENTICATED)
                .containsEntry(Caller.AUDITOR, Access.FORBIDDEN)
                .containsEntry(Caller.OFFICER, Access.PASSED)
                .containsEntry(Caller.CONTROLLER, Access.PASSED);
        assertThat(post.note()).isEqualTo("finding X: why");
        assertThat(post.line()).isEqualTo(3);
    }

    @Test
    void refusesTwoRowsForOneOperation() {
        assertThatThrownBy(() -> RoleMatrix.parse("GET /a 401 ok ok ok ok ok\nGET /a 401 ok ok ok ok ok\n"))
                .hasMessageContaining("more than one row for [GET /a (line 2)]");
    }

    @Test
    void refusesARowWithoutACellForEveryCaller() {
        assertThatThrownBy(() -> RoleMatrix.parse("GET /a 401 ok ok ok ok\n")).hasMessageContaining("line 1");
    }

    @Test
    void refusesACellThatIsNot401403OrOk() {
        assertThatThrownBy(() -> RoleMatrix.parse("GET /a 401 ok 404 ok ok ok\n"))
                .hasMessageContaining("404");
    }

    @Test
    void theCommittedTableIsReadable() {
        assertThat(RoleMatrix.load().rows()).isNotEmpty();
    }
}
