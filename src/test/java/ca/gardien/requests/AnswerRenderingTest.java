package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.shared.SlowRenderings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

/**
 * The answer a person downloads through their link is a write (the link spent, the request closed), not a reader's
 * download: its letter's PDF is rendered before any transaction and takes no download turn, so that other callers'
 * downloads holding every turn neither refuse nor delay it (code review: it waited for a turn, its transaction open).
 */
class AnswerRenderingTest extends RequestsTestSupport {

    @Autowired
    Requests requests;

    /** An answered access request, its answer sent by email. */
    private java.util.UUID sent() throws Exception {
        var id = inProgress("ACCESS", email());
        completeTasks(id, """
                [{"category": "contact", "source": "person", "fields": {"postalAddress": "1 rue Synthétique"}}]""");
        draft(id, staff, "{\"outcome\": \"FULFILLED\", \"message\": \"Voici.\"}")
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/approve").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().is2xxSuccessful());
        mvc.perform(post("/api/v1/requests/" + id + "/send").header(HttpHeaders.AUTHORIZATION, staff))
                .andExpect(status().is2xxSuccessful());
        return id;
    }

    @Test
    void theSameLinkPostedAgainWhileItsPackageIsBuiltIsRefusedAtOnceWith429AndTheFirstDownloadGoesThrough()
            throws Exception {
        var link = downloadLink(sent());
        try (var renderings = SlowRenderings.limits(2, 3)) {
            renderings.hold(
                    () -> mvc.perform(post(link)).andReturn().getResponse().getStatus());
            mvc.perform(post(link).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                    .andExpect(problem(429, "rate-limited"))
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"));
            assertThat(renderings.released()).containsExactly(200);
        }
        mvc.perform(post(link)).andExpect(problem(410, "download-gone"));
    }

    @Test
    void thePersonsAnswerIsRenderedOutsideAnyTransactionWhileOtherCallersDownloadsHoldEveryTurn() throws Exception {
        var id = sent();
        var reader = bearer(Role.AUDITOR);
        try (var renderings = SlowRenderings.limits(1, 1)) {
            renderings.hold(
                    () -> mvc.perform(get("/api/v1/incidents/register.pdf").header(HttpHeaders.AUTHORIZATION, reader))
                            .andReturn()
                            .getResponse()
                            .getStatus());
            assertThat(downloaded(id)).containsKey("letter.pdf");
            assertThat(renderings.renderedInTransaction())
                    .as("the letter rendered once, with no transaction open")
                    .containsExactly(false);
            assertThat(renderings.underWay())
                    .as("the reader's download still holds the node's one turn")
                    .isOne();
            assertThat(renderings.released()).containsExactly(200);
        }
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.CLOSED);
        awaitLedgerEntry("requests.downloaded", id);
    }
}
