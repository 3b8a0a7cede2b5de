package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.organization.Role;
import ca.gardien.requests.RequestStatus;
import ca.gardien.shared.IdentifierKind;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The request page after the officer's review of 2026-12-05: systems and task states in words, the views of the
 * identifiers folded into one line, a refusal that names its fields in words, no identity review where none was asked,
 * a confirmation before the answer leaves, the outbox naming the request by its reference, and files listed and
 * downloaded under the name they were uploaded with.
 */
class RequestPageReviewTest extends RequestConsoleSupport {

    @Autowired
    EvidenceLedger ledger;

    private static int count(String page, String text) {
        return (int)
                Pattern.compile(Pattern.quote(text)).matcher(page).results().count();
    }

    /** A verified request whose task (the CRM) is done, as staff see it. */
    private UUID workedOn() throws Exception {
        var id = received("ACCESS");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        var staff = session(Role.STAFF);
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "In the file");
        for (var task : tasks.of(id)) {
            act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "FOUND", "note", "checked");
        }
        return id;
    }

    @Test
    void theTasksNameTheirSystemAndStateInWordsAndNoReviewIsShownWhenNoneWasAsked() throws Exception {
        var id = workedOn();
        var page = page("/console/requests/" + id, session(Role.STAFF));
        assertThat(page)
                .contains("<span class=\"task-system\">CRM</span>")
                .doesNotContain("<span class=\"task-system\">crm</span>")
                .containsPattern("class=\"task-state\"[^>]*>Renseignements trouvés</td>")
                .doesNotContain(">FOUND</td>");
        assertThat(page("/console/requests/" + id + "?lang=en", session(Role.STAFF)))
                .containsPattern("class=\"task-state\"[^>]*>Information found</td>");
        // the data map holds nothing sensitive: no proof was asked, so no review step is shown
        assertThat(page).doesNotContain("id=\"identity-review-state\"").doesNotContain("Examen de la preuve");
    }

    @Test
    void repeatedViewsOfTheIdentifiersAreOneLineOfTheTimelineAndStayFactsOfTheLedger() throws Exception {
        var id = received("ACCESS");
        var staff = session(Role.STAFF);
        for (int i = 0; i < 4; i++) {
            page("/console/requests/" + id, staff);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ledger.about("request", id.toString(), 500).stream()
                                .filter(e -> e.action().equals("requests.identifiers-viewed"))
                                .count()
                        >= 4);
        var page = page("/console/requests/" + id, staff);
        assertThat(count(page, "Coordonnées de la personne consultées")).isEqualTo(1);
        assertThat(page).containsPattern("Coordonnées de la personne consultées [4-9] fois</strong>");
        assertThat(page).contains("dernière fois par");
        assertThat(page("/console/requests/" + id + "?lang=en", staff))
                .containsPattern("contact details viewed [4-9] times</strong>");
    }

    @Test
    void anIncompleteRefusalNamesItsFieldsInWordsInThePagesLanguage() throws Exception {
        var id = workedOn();
        var staff = session(Role.STAFF);
        var french = refusal(staff, id, "/response", "outcome", "REFUSAL", "reasons", "Non détenus.");
        assertThat(french)
                .contains("Dispositions de la loi invoquées")
                .contains("Recours")
                .contains("Délai du recours")
                .doesNotContain("legalProvisions")
                .doesNotContain("remedyTimeLimitDays");
        var english = refusalIn("en", staff, id);
        assertThat(english).contains("Legal provisions relied on").doesNotContain("legalProvisions");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);
    }

    private String refusalIn(String language, org.springframework.mock.web.MockHttpSession staff, UUID id)
            throws Exception {
        page("/console/requests/" + id + "?lang=" + language, staff);
        return refusal(staff, id, "/response", "outcome", "REFUSAL", "reasons", "Not held.");
    }

    @Test
    void sendingTheAnswerAsksForConfirmationFirst() throws Exception {
        var id = workedOn();
        var staff = session(Role.STAFF);
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Voici vos renseignements.");
        act(login(OFFICER, OFFICER_PASSWORD), id, "/approve");
        var page = page("/console/requests/" + id, staff);
        assertThat(page)
                .containsPattern(
                        "<form id=\"send\"[^>]*>(<input[^>]*>)?\\s*<button type=\"submit\" data-confirm=\"Envoyer la réponse");
    }

    @Test
    void theOutboxNamesTheRequestAMessageIsAboutByItsReference() throws Exception {
        var id = received("ACCESS");
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var message = outbox.about(id.toString()).getFirst();
        var reference = requests.get(id).reference();
        assertThat(page("/console/outbox/" + message.id(), officer))
                .containsPattern("id=\"message-request\"[^>]*>" + Pattern.quote(reference) + "</a>")
                .doesNotContain(">La demande</a>");
    }

    @Test
    void anAttachmentKeepsItsCleanedNameOnThePageAndInItsDownload() throws Exception {
        var id = received("ACCESS");
        var staff = session(Role.STAFF);
        var uploaded = "C:\\scans\\Lettre d\u2019\u00e9t\u00e9\u202e\u0007.pdf";
        mvc.perform(multipart("/console/requests/" + id + "/attachments")
                        .file(new MockMultipartFile("file", uploaded, "application/pdf", "%PDF-1.4".getBytes()))
                        .session(staff)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/requests/" + id));
        var page = page("/console/requests/" + id, staff);
        var link = Pattern.compile(
                        "<a href=\"(/console/requests/[^\"]+/documents/[^\"]+)\">Lettre d\u2019\u00e9t\u00e9\\.pdf</a>")
                .matcher(page);
        assertThat(link.find()).as("the file listed by its name").isTrue();
        assertThat(page).doesNotContain("scans").contains("Pièce jointe — application/pdf");

        var download = mvc.perform(get(link.group(1)).session(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(download.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo(
                        "attachment; filename=\"Lettre d__t_.pdf\"; filename*=UTF-8''Lettre%20d%E2%80%99%C3%A9t%C3%A9.pdf");
    }
}
