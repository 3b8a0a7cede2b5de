package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * PDFs downloaded on demand are limited per caller and per node, refused at once, never queued (attacker's review: a
 * few readers asking for a large register at once held every processor); a PDF that a write files is not a download
 * (code review: an answer waited up to 10 s for a turn behind another account's downloads, its transaction open, then
 * failed with 503). The renderings are held by an injected slow renderer, not timed.
 */
class PdfDownloadsTest extends ca.gardien.support.WebTestSupport {

    private static final String REGISTER = "/api/v1/incidents/register.pdf";

    private SlowRenderings.Call download(String bearer) {
        return () -> mvc.perform(get(REGISTER).header(HttpHeaders.AUTHORIZATION, bearer))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void aCallersThirdDownloadAtOnceIsRefusedAtOnceWith429AndRetryAfterWhileAnotherCallersGoesThrough()
            throws Exception {
        var a = bearer(Role.AUDITOR);
        try (var renderings = SlowRenderings.limits(2, 3)) {
            renderings.hold(download(a), download(a));
            mvc.perform(get(REGISTER).header(HttpHeaders.AUTHORIZATION, a).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                    .andExpect(problem(429, "rate-limited"))
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                    .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "en"))
                    .andExpect(jsonPath("$.retryAfterSeconds").value(5))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("PDF documents")));
            mvc.perform(get(REGISTER).header(HttpHeaders.AUTHORIZATION, a).header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                    .andExpect(problem(429, "rate-limited"))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("documents PDF")));
            mvc.perform(get(REGISTER).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                    .andExpect(status().isOk());
            assertThat(renderings.released()).containsExactly(200, 200);
            assertThat(renderings.underWay()).as("every turn given back").isZero();
        }
        mvc.perform(get(REGISTER).header(HttpHeaders.AUTHORIZATION, a)).andExpect(status().isOk());
    }

    @Test
    void whenTheNodeRendersAsManyDownloadsAsItMayAnotherCallersDownloadIsRefusedWith503ButTheirWriteIsNot()
            throws Exception {
        var officer = officerBearer();
        var complaint = JsonPath.<String>read(
                mvc.perform(post("/api/v1/complaints")
                                .header(HttpHeaders.AUTHORIZATION, officer)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                        {"name":"Camille Exemple","email":"camille@example.test",
                                         "phone":"+1 555 010 0199","subject":"Sollicitation non désirée",
                                         "reasons":"Des courriels après mon retrait.","receivedOn":null,
                                         "language":"fr"}"""))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        var a = bearer(Role.AUDITOR);
        try (var renderings = SlowRenderings.limits(2, 3)) {
            renderings.hold(download(a), download(a), download(bearer(Role.AUDITOR)));
            mvc.perform(get(REGISTER).header(HttpHeaders.AUTHORIZATION, officer))
                    .andExpect(problem(503, "unavailable"))
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
                    .andExpect(jsonPath("$.detail").value(Matchers.containsString("documents PDF")));
            var answered = mvc.perform(post("/api/v1/complaints/" + complaint + "/answer")
                            .header(HttpHeaders.AUTHORIZATION, officer)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"reasons\":\"Votre adresse a été retirée.\"}"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(JsonPath.<List<String>>read(answered, "$.documents[?(@.kind == 'ANSWER')].id"))
                    .as("the answer's PDF filed while every download turn is held")
                    .hasSize(1);
            assertThat(renderings.underWay())
                    .as("the answer took no download turn")
                    .isEqualTo(3);
            assertThat(renderings.renderedInTransaction())
                    .as("the answer's PDF rendered once, before the transaction that files it")
                    .containsExactly(false);
            assertThat(renderings.released()).containsExactly(200, 200, 200);
        }
    }

    @Test
    void aConsolePagesDownloadRefusedIsTheErrorPageWithTheRefusalsStatusAndRetryAfter() throws Exception {
        var errors = new ContainerErrors(Bundles.messages(), List.of());
        for (var refusal : List.of(
                BusyException.callersOwn("pdf-downloads-per-caller", PdfDownloads.RETRY_AFTER),
                new BusyException("pdf-downloads", PdfDownloads.RETRY_AFTER))) {
            var request = new MockHttpServletRequest("GET", "/error");
            request.setDispatcherType(DispatcherType.ERROR);
            request.addHeader(HttpHeaders.ACCEPT, "text/html");
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 500);
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/console/incidents/register.pdf");
            request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new ServletException(refusal));
            var response = new MockHttpServletResponse();
            var page = errors.error(request, response);
            assertThat(page.getViewName()).isEqualTo("error");
            assertThat(response.getStatus()).isEqualTo(refusal.callersOwn() ? 429 : 503);
            assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        }
    }
}
