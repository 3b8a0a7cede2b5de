package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The page the person's download link opens in a browser (the officer's review of 2026-12-05: the link downloaded at
 * once, and a used one answered raw JSON): what the package holds and its button; once used or expired, a readable
 * 410 page that says what happened and how to ask again. Opening the page does not use the link; the button does, once.
 */
class DownloadPageTest extends RequestsTestSupport {

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired
    Requests requests;

    /** An answered access request; returns the link's path. */
    private String sent(UUID id) throws Exception {
        return sent(id, """
                [{"category": "contact", "source": "person", "fields": {"postalAddress": "1 rue Synthétique"}}]""");
    }

    /** An answered request whose CRM found {@code records} (null: no system found anything); the link's path. */
    private String sent(UUID id, String records) throws Exception {
        completeTasks(id, records);
        draft(id, staff, "{\"outcome\": \"FULFILLED\", \"message\": \"Voici.\"}")
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/approve").header("Authorization", officerBearer()));
        mvc.perform(post("/api/v1/requests/" + id + "/send").header("Authorization", staff));
        var body = outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals("requests.delivery"))
                .findFirst()
                .orElseThrow()
                .body();
        // the link's last day in words in the message's language, not ISO (officer's review)
        assertThat(body).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        return body.replaceAll("(?s).*(/requests/download/[A-Za-z0-9_-]+).*", "$1");
    }

    /** The page's button, as a browser posts its form. */
    private static MockHttpServletRequestBuilder button(String link) {
        return post(link)
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .header(HttpHeaders.ACCEPT, BROWSER);
    }

    private String html(MockHttpServletRequestBuilder request, int status) throws Exception {
        var response = mvc.perform(request.header(HttpHeaders.ACCEPT, BROWSER))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).startsWith("text/html");
        return response.getContentAsString();
    }

    @Test
    void theLinkOpensAPageThatSaysWhatThePackageHoldsAndItsButtonDownloadsItOnce() throws Exception {
        var id = inProgress("ACCESS", email());
        var link = sent(id);
        var reference = requests.get(id).reference();

        var page = html(get(link), 200);
        assertThat(page)
                .contains("<html lang=\"fr\"")
                .contains("Votre réponse est prête")
                // officer's walk: "R-2026-" / "00001" over two lines at 390 px
                .contains("<span class=\"reference\">" + reference + "</span>")
                .contains("data-file=\"letter.pdf\"")
                .contains("data-file=\"data.json\"")
                .contains("les renseignements personnels trouvés à votre sujet, par système (JSON)")
                .doesNotContain("data-file=\"data.csv\"")
                .contains("un seul téléchargement")
                .containsPattern("<form id=\"download-form\" method=\"post\" action=\"" + link + "\"");
        assertThat(html(get(link).cookie(new Cookie("gardien-lang", "en")), 200))
                .contains("<html lang=\"en\"")
                .contains("Your answer is ready")
                .contains("Download my answer (ZIP)");
        // opening the page twice used nothing
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.SENT);

        var zip =
                mvc.perform(button(link)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(zip.getContentType()).isEqualTo("application/zip");
        assertThat(zip.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .as("named in the answer's language")
                .contains("reponse-" + reference + ".zip");
        assertThat(RightsRequestEndToEndTest.unzip(zip.getContentAsByteArray()))
                .containsKeys("letter.pdf", "data.json");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.CLOSED);
        awaitLedgerEntry("requests.downloaded", id);

        var used = html(get(link), 410);
        assertThat(used)
                .contains("Ce lien ne fonctionne plus")
                .contains("déjà été téléchargée le")
                .contains("<span class=\"reference\">" + reference + "</span>")
                .contains("href=\"/privacy/contact\"")
                .doesNotContain("download-form")
                .doesNotContain("\"type\"");
        assertThat(html(button(link), 410)).contains("déjà été téléchargée le");
        // a program (no HTML asked) still gets the problem
        mvc.perform(get(link)).andExpect(problem(410, "download-gone"));
        assertThat(html(get("/requests/download/not-a-token"), 404)).doesNotContain("\"type\"");
    }

    /**
     * The attacker's review of 2026-12-05: a HEAD on the link (a link checker, a mail scanner) downloaded the answer and
     * used the person's one download. Reading the link, with any method that is safe and any Accept, uses nothing;
     * only the POST downloads.
     */
    @Test
    void readingTheLinkWithHeadOrAsAProgramNeverUsesIt() throws Exception {
        var id = inProgress("ACCESS", email());
        var link = sent(id);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head(link))
                .andExpect(status().isOk());
        mvc.perform(get(link).header(HttpHeaders.ACCEPT, "*/*"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.reference")
                        .value(requests.get(id).reference()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.download")
                        .value("POST /requests/download/{token}"));
        mvc.perform(get(link).header(HttpHeaders.ACCEPT, "application/zip")).andExpect(status().is4xxClientError());
        mvc.perform(get(link)).andExpect(status().isOk());

        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.SENT);
        var zip = mvc.perform(post(link)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(zip.getContentType()).isEqualTo("application/zip");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.CLOSED);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head(link))
                .andExpect(status().isGone());
    }

    /** Review of 21b4984: with nothing found, the page said the ZIP held "the personal information found about you". */
    @Test
    void whenNoSystemFoundAnythingThePageSaysSoInsteadOfPromisingTheInformationFound() throws Exception {
        var id = inProgress("ACCESS", email());
        var link = sent(id, null);
        assertThat(html(get(link), 200))
                .contains("data-file=\"data.json\"")
                .contains("un fichier JSON vide : aucun renseignement personnel n’a été trouvé à votre sujet")
                .doesNotContain("trouvés à votre sujet, par système");
        assertThat(html(get(link).cookie(new Cookie("gardien-lang", "en")), 200))
                .contains("an empty JSON file: no personal information about you was found")
                .doesNotContain("found about you, by system");
        var portability = inProgress("PORTABILITY", email());
        assertThat(html(get(sent(portability, null)), 200))
                .contains("data-file=\"data.csv\"")
                .contains("un tableau CSV vide : aucun renseignement que vous nous avez fourni n’a été trouvé");
    }

    @Test
    void theLinkOfAnAnswerInEnglishOpensItsPagesInEnglishUnlessThePersonChoseFrench() throws Exception {
        var body =
                submit(staff, """
                        {"type": "ACCESS", "subject": {"email": "%s"}, "jurisdiction": "QC", "channel": "API",
                         "language": "en", "subjectCategory": "customer"}""".formatted(email())).andReturn().getResponse().getContentAsString();
        var id = UUID.fromString(com.jayway.jsonpath.JsonPath.read(body, "$.id"));
        verify(id, "EMAIL", lastCode(id, "requests.code")).andExpect(status().isOk());
        var link = sent(id);
        var reference = requests.get(id).reference();

        // a fresh browser, whatever it accepts: the page speaks the answer's language
        assertThat(html(get(link).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CA"), 200))
                .contains("<html lang=\"en\"")
                .contains("Your answer is ready");
        assertThat(html(get(link).cookie(new Cookie("gardien-lang", "fr")), 200))
                .as("the page's language switch still works")
                .contains("<html lang=\"fr\"")
                .contains("Votre réponse est prête");

        var zip = mvc.perform(post(link).header(HttpHeaders.ACCEPT, BROWSER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(zip.getHeader(HttpHeaders.CONTENT_DISPOSITION)).contains("response-" + reference + ".zip");
        var letter = new String(
                RightsRequestEndToEndTest.unzip(zip.getContentAsByteArray()).get("letter.html"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(letter).contains("lang=\"en\"").contains("Answer to your request");
        assertThat(html(get(link), 410)).contains("<html lang=\"en\"").contains("This link no longer works");
    }

    @Test
    void anExpiredLinkSaysWhenItExpiredAndHowToAskAgain() throws Exception {
        var id = inProgress("ACCESS", email());
        var link = sent(id);
        clock.advance(Duration.ofDays(8));
        var page = html(get(link).cookie(new Cookie("gardien-lang", "en")), 410);
        assertThat(page)
                .contains("This link no longer works")
                .contains("expired on")
                .contains("quoting the reference <span class=\"reference\">"
                        + requests.get(id).reference() + "</span>");
        assertThat(html(button(link), 410)).contains("a expiré le");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.SENT);
    }
}
