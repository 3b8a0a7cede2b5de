package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

import ca.gardien.organization.Role;
import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.RightsRequest;
import ca.gardien.shared.Actor;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The officer's walk: a phone request entered for a person by their tutor stayed « Reçue » forever, the page offering no
 * way to file the tutorship judgment (an attachment changed nothing) nor to accept it. The page now says who acts for
 * the person, files their document as the API does and reviews it, and the request moves on, in the console only.
 */
class RepresentativeDocumentPageTest extends RequestConsoleSupport {

    /** The officer entry of a phone request for the person, with the scanned letter and optional files. */
    static MockMultipartHttpServletRequestBuilder entry(
            MockHttpSession session, String representative, MockMultipartFile... files) {
        var request = multipart("/console/requests/new");
        for (var file : files) {
            request.file(file);
        }
        request.file(new MockMultipartFile(
                        "letter", "lettre.pdf", "application/pdf", "%PDF-1.4 lettre".getBytes(StandardCharsets.UTF_8)))
                .param("type", "DESTRUCTION")
                .param("channel", "PHONE")
                .param("jurisdiction", "QC")
                .param("language", "fr")
                .param("email", "tutelle-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test")
                .param("representative", representative)
                .session(session)
                .with(csrf());
        return request;
    }

    static MockMultipartFile judgment(String part) {
        return new MockMultipartFile(part, "jugement-tutelle.pdf", "application/pdf", "%PDF-1.4 jugement".getBytes());
    }

    private UUID entered(MockMultipartHttpServletRequestBuilder request) throws Exception {
        var location = mvc.perform(request)
                .andExpect(redirectedUrlPattern("/console/requests/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The id of the pending document whose review the page offers. */
    private static String pendingDocument(String page) {
        var review = Pattern.compile("/documents/([0-9a-f-]{36})/review").matcher(page);
        assertThat(review.find()).as("the page offers to review the document").isTrue();
        return review.group(1);
    }

    @Test
    void aTutorsRequestEnteredByPhoneMovesOnOnceTheTutorshipIsFiledAndAcceptedOnThePage() throws Exception {
        inventory.apply(RequestConsoleWorkTest.SENSITIVE_MAP, Actor.SYSTEM);
        var officer = session(Role.PRIVACY_OFFICER);
        var id = entered(entry(officer, "TUTOR"));
        var page = page("/console/requests/" + id, officer);
        assertThat(page)
                .contains("<p id=\"representative-kind\">Un tuteur agit pour la personne.</p>")
                .containsPattern("id=\"representative-state\">La preuve de la tutelle[^<]* : à déposer</p>")
                .contains("id=\"representative-form\"")
                .contains("Déposer le document du représentant")
                .doesNotContain("Accepter le document");

        var checked = mvc.perform(multipart("/console/requests/" + id + "/identity-proof")
                        .param("basis", "IN_PERSON_ID_CHECK")
                        .param("reason", "Pièce vue au comptoir")
                        .session(officer)
                        .with(csrf()))
                .andReturn()
                .getFlashMap();
        assertThat(checked.get("doneKey")).isEqualTo("identity.waiting.representative-review");
        act(officer, id, "/identity-review", "approved", "true");

        var filed = mvc.perform(multipart("/console/requests/" + id + "/documents")
                        .file(judgment("document"))
                        .session(officer)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/requests/" + id))
                .andReturn()
                .getFlashMap();
        assertThat(filed.get("refused")).isNull();
        assertThat(filed.get("doneKey")).isEqualTo("representative.filed");
        assertThat(String.valueOf(awaitLedgerEntry("requests.representative-document-filed", id)
                        .get("payload")))
                .contains("sha256");
        page = page("/console/requests/" + id, officer);
        assertThat(page)
                .containsPattern("id=\"representative-state\">La preuve de la tutelle[^<]* : à examiner</p>")
                .contains(">jugement-tutelle.pdf</a>")
                .contains("Accepter le document")
                .contains("Refuser le document")
                .as("one document waits: none other is filed meanwhile (officer's walk: the same judgment filed twice)")
                .doesNotContain("id=\"representative-form\"");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);

        var reviewed = mvc.perform(
                        multipart("/console/requests/" + id + "/documents/" + pendingDocument(page) + "/review")
                                .param("approved", "true")
                                .session(officer)
                                .with(csrf()))
                .andReturn()
                .getFlashMap();
        assertThat(reviewed.get("doneKey")).isEqualTo("identity.proven");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(requests.get(id).representativeProof()).isEqualTo(RightsRequest.Review.APPROVED);
        page = page("/console/requests/" + id, officer);
        assertThat(page)
                .contains("<dd id=\"status\">En traitement</dd>")
                .containsPattern("id=\"representative-state\">La preuve de la tutelle[^<]* : document accepté</p>")
                .doesNotContain("id=\"representative-form\"");
        assertThat(page.substring(page.indexOf("id=\"timeline-section\""))).contains("Identité vérifiée");
    }

    @Test
    void inEnglishAMandataryIsNamedAndTheMandateGivenAtEntryIsAcceptedOnThePage() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        page("/console/requests/new?lang=en", officer);
        assertThat(page("/console/requests/new", officer)).contains("Representative’s document (optional)");
        var id = entered(entry(officer, "MANDATARY", judgment("representativeDocument")));
        assertThat(awaitLedgerEntry("requests.representative-document-filed", id))
                .isNotNull();
        var page = page("/console/requests/" + id, officer);
        assertThat(page)
                .contains("<p id=\"representative-kind\">A mandatary acts for the person.</p>")
                .contains("id=\"representative-state\">The mandate: to review</p>")
                .contains("Accept the document");

        act(officer, id, "/identity-proof", "basis", "IN_PERSON_ID_CHECK", "reason", "Passport seen at the desk");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);
        act(officer, id, "/documents/" + pendingDocument(page) + "/review", "approved", "true");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
        assertThat(page("/console/requests/" + id, officer))
                .contains("<dd id=\"status\">In progress</dd>")
                .contains("id=\"representative-state\">The mandate: accepted</p>");
    }

    @Test
    void aRefusedDocumentAsksForAnotherOneAndTheRequestWaits() throws Exception {
        var staff = session(Role.STAFF);
        var id = entered(entry(staff, "PARENT", judgment("representativeDocument")));
        var document = pendingDocument(page("/console/requests/" + id, staff));
        var flash = mvc.perform(multipart("/console/requests/" + id + "/documents/" + document + "/review")
                        .param("approved", "false")
                        .session(staff)
                        .with(csrf()))
                .andReturn()
                .getFlashMap();
        assertThat(flash.get("doneKey")).asString().startsWith("identity.waiting");
        assertThat(page("/console/requests/" + id, staff))
                .contains(
                        "id=\"representative-state\">La preuve de l’autorité parentale : document refusé ; déposez-en un autre</p>")
                .contains("id=\"representative-form\"");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);

        // a second click on the same document comes back to the page saying why (attacker's re-check: a bare 404)
        var again = mvc.perform(multipart("/console/requests/" + id + "/documents/" + document + "/review")
                        .param("approved", "true")
                        .session(staff)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/requests/" + id))
                .andReturn()
                .getFlashMap();
        assertThat(again.get("refused")).isEqualTo("Ce document a déjà été examiné.");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.RECEIVED);
    }
}
