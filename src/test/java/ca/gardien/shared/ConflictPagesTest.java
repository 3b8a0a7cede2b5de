package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A console step that meets another session's write the page did not catch itself — a name created at the same moment
 * (a unique constraint), a row saved first (an optimistic lock) — is the 409 page saying so, with the way back to the
 * page the form was on, never a 500.
 */
class ConflictPagesTest {

    private final ErrorPages pages = new ErrorPages() {};

    @Test
    void aNameCreatedAtTheSameMomentElsewhereIsA409PageSayingItConflictsWithWhatExists() {
        var response = new MockHttpServletResponse();
        var page = pages.conflict(new DuplicateKeyException("uk"), formSent(), response);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(page.getViewName()).isEqualTo("error");
        assertThat(((FieldError) page.getModel().get("conflict")).key()).isEqualTo("shared.conflict.integrity");
        assertThat(page.getModel().get("backTo")).isEqualTo("/console/connectors");
    }

    @Test
    void aRowSavedFirstElsewhereIsA409PageSayingItChangedMeanwhile() {
        var response = new MockHttpServletResponse();
        var page = pages.conflict(new OptimisticLockingFailureException("v"), formSent(), response);
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(((FieldError) page.getModel().get("conflict")).key()).isEqualTo("shared.conflict.changed");
    }

    private static MockHttpServletRequest formSent() {
        var request = new MockHttpServletRequest("POST", "/console/connectors/new");
        request.addHeader("Referer", "https://gardien.example/console/connectors");
        return request;
    }
}
