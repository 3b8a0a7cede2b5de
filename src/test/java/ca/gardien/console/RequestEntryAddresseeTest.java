package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.AnswerLetter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * The privacy officer answering a paper request: the officer entry took no name and no postal address, so the letter
 * went by post with no address block. The entry now takes both; the request page shows them with the identifiers (to
 * those who see identifiers, the view recorded with theirs) and the letter is addressed to them.
 */
class RequestEntryAddresseeTest extends RequestConsoleSupport {

    private static final String NAME = "Jeanne Synthétique";
    private static final String ADDRESS =
            "1234, rue des Essais\r\n<script>alert(1)</script>\r\nMontréal (Québec) H2X 1Y6";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ca.gardien.shared.SubjectKeys keys;

    private MockMultipartHttpServletRequestBuilder entry(MockHttpSession session, String name, String address) {
        var request = multipart("/console/requests/new");
        request.param("type", "ACCESS")
                .param("channel", "MAIL")
                .param("jurisdiction", "QC")
                .param("language", "fr")
                .param("customerNumber", "C-" + UUID.randomUUID().toString().substring(0, 8))
                .param("name", name)
                .param("postalAddress", address)
                .session(session)
                .with(csrf());
        return request;
    }

    private UUID entered(MockHttpSession session) throws Exception {
        var location = mvc.perform(entry(session, NAME, ADDRESS))
                .andExpect(redirectedUrlPattern("/console/requests/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void theOfficerSeesTheNameAndAddressWithTheIdentifiersAndTheViewIsRecordedWithTheirs() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = entered(officer);

        var page = page("/console/requests/" + id, officer);
        assertThat(page)
                .contains("<dd id=\"addressee-name\" data-raw>Jeanne Synthétique</dd>")
                .contains("<span>1234, rue des Essais</span><br>", "<span>&lt;script&gt;alert(1)&lt;/script&gt;</span>")
                .contains("<span>Montréal (Québec) H2X 1Y6</span>")
                .doesNotContain("<script>alert(1)");
        var viewed = awaitLedgerEntry("requests.identifiers-viewed", id);
        assertThat(String.valueOf(viewed.get("payload")))
                .contains("CUSTOMER,NAME,POSTAL_ADDRESS")
                .doesNotContain("Synthétique", "Essais");
        assertThat(String.valueOf(awaitLedgerEntry("requests.received", id).get("payload")))
                .contains("\"postalAddress\":\"true\"")
                .doesNotContain("Synthétique", "Essais", "H2X");
    }

    @Test
    void anAuditorWhoSeesIdentifiersMaskedSeesNeitherTheNameNorTheAddress() throws Exception {
        var id = entered(session(Role.STAFF));
        var page = page("/console/requests/" + id, session(Role.AUDITOR));
        assertThat(page).doesNotContain("id=\"addressee", "Synthétique", "Essais", "H2X");
    }

    @Test
    void aTooLongAddressAndAControlCharacterInTheNameAreShownNextToTheirFieldsAtOnceAndNothingIsStored()
            throws Exception {
        long before = stored();
        var longAddress = "1234, rue des Essais\r\n" + "x".repeat(500);
        var page = mvc.perform(entry(session(Role.STAFF), "Jeanne\u0007 Synthétique", longAddress))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var html = HtmlUtils.htmlUnescape(page);
        assertThat(page).contains("id=\"entry-name-error\"", "id=\"entry-postalAddress-error\"");
        assertThat(html)
                .contains("<a href=\"#entry-postalAddress\">Adresse postale (facultatif) : doit compter au plus 500"
                        + " caractères</a>")
                .contains("ne doit contenir ni caractères de contrôle ni marques invisibles")
                .as("what was typed is kept")
                .contains("x".repeat(500));
        assertThat(stored()).as("nothing stored").isEqualTo(before);

        var english = HtmlUtils.htmlUnescape(
                mvc.perform(entry(session(Role.STAFF), "Jeanne", longAddress).param("lang", "en"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        assertThat(english).contains("Postal address (optional): must be at most 500 characters");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void theLetterPreviewIsAddressedToTheNameAndAddressAndHasNoAddressBlockOnceTheKeyIsDestroyed() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = entered(officer);
        act(officer, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "Au dossier");
        for (var task : tasks.of(id)) {
            act(officer, id, "/tasks/" + task.id() + "/complete", "outcome", "NOT_FOUND", "note", "cherché");
        }
        act(officer, id, "/response", "outcome", "FULFILLED", "message", "Bonjour.");

        assertThat(preview(officer, id))
                .contains("<p>Jeanne Synthétique<br/>1234, rue des Essais<br/>&lt;script&gt;alert(1)&lt;/script&gt;"
                        + "<br/>Montréal (Québec) H2X 1Y6</p>");

        keys.shred(jdbc.sql("SELECT subject_key FROM requests_request WHERE id = ?")
                .param(id)
                .query(UUID.class)
                .single());
        assertThat(preview(officer, id))
                .doesNotContain("Synthétique", "Essais", "H2X")
                .contains("<p>Demande R-");
        assertThat(page("/console/requests/" + id, officer)).doesNotContain("id=\"addressee");
    }

    private String preview(MockHttpSession session, UUID id) throws Exception {
        var flash = mvc.perform(post("/console/requests/" + id + "/answer/preview")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/requests/" + id + "#answer-preview"))
                .andReturn()
                .getFlashMap();
        return ((AnswerLetter) flash.get("answerPreview")).html();
    }

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM requests_request")
                .query(Long.class)
                .single();
    }
}
