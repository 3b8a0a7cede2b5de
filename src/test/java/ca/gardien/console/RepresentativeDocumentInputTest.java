package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.NewRequest;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * A representative's document filed on the request page or at entry: no file or a file too large comes back next to
 * its field in the page's language, auditors may neither file nor review it, and the proof of identity is offered for
 * review only once there is a proof (never for codes typed alone on the portal).
 */
class RepresentativeDocumentInputTest extends RequestConsoleSupport {

    private UUID forATutor() {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        return intake.submit(
                        new NewRequest(
                                "DESTRUCTION",
                                new NewRequest.Subject("tuteur-" + suffix + "@example.test", null, null),
                                "QC",
                                "PORTAL",
                                "fr",
                                null,
                                "customer",
                                "TUTOR",
                                null),
                        Actor.SYSTEM)
                .id();
    }

    /** The request page as it comes back after a refused filing. */
    private String refusedFiling(MockHttpSession session, UUID id, MockMultipartFile file) throws Exception {
        var request = multipart("/console/requests/" + id + "/documents")
                .session(session)
                .with(csrf());
        if (file != null) {
            request.file(file);
        }
        var flash = mvc.perform(request)
                .andExpect(redirectedUrl("/console/requests/" + id))
                .andReturn()
                .getFlashMap();
        assertThat(flash.get("refused")).isNotNull();
        session.removeAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
        return mvc.perform(get("/console/requests/" + id).session(session).flashAttrs(flash))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static MockMultipartFile tooLarge() {
        return new MockMultipartFile(
                "document", "jugement.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]); // 10MB, the default
    }

    @Test
    void noFileOrAFileTooLargeComesBackNextToTheFieldInThePagesLanguage() throws Exception {
        var id = forATutor();
        var staff = session(Role.STAFF);
        assertThat(refusedFiling(staff, id, null))
                .containsPattern(
                        "<p id=\"document-error\"\\s+class=\"field-error\">Choisissez un fichier : aucun fichier n’a été envoyé.</p>")
                .contains("<a href=\"#document\">Déposer le document du représentant : ")
                .contains("aria-describedby=\"document-error document-hint\"");
        assertThat(refusedFiling(staff, id, tooLarge()))
                .contains("id=\"document-error\"")
                .contains("Le fichier dépasse ");

        page("/console/requests/" + id + "?lang=en", staff);
        assertThat(refusedFiling(staff, id, null)).contains("Choose a file: no file was sent.");
        assertThat(refusedFiling(staff, id, tooLarge())).contains("The file is larger than ");
        assertThat(page("/console/requests/" + id, staff)).doesNotContain("Accept the document");
    }

    @Test
    void atEntryADocumentWithoutARepresentativeIsRefusedAndNothingIsSaved() throws Exception {
        var staff = session(Role.STAFF);
        int before = requests.list(null, null).size();
        var page = mvc.perform(RepresentativeDocumentPageTest.entry(
                        staff, "", RepresentativeDocumentPageTest.judgment("representativeDocument")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"entry-representativeDocument-error\"")
                .contains("ne se joint que si quelqu’un agit pour la personne");
        assertThat(requests.list(null, null)).as("nothing half-written").hasSize(before);
    }

    @Test
    void anAuditorNeitherFilesNorReviewsTheDocument() throws Exception {
        var id = forATutor();
        var auditor = session(Role.AUDITOR);
        mvc.perform(multipart("/console/requests/" + id + "/documents")
                        .file(RepresentativeDocumentPageTest.judgment("document"))
                        .session(auditor)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/console/requests/" + id + "/documents/" + UUID.randomUUID() + "/review")
                        .param("approved", "true")
                        .session(auditor)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(page("/console/requests/" + id, auditor))
                .contains("Un tuteur agit pour la personne.")
                .doesNotContain("id=\"representative-form\"");
    }

    @Test
    void codesTypedAloneOnThePortalAreNoProofToReviewUntilACheckIsRecorded() throws Exception {
        inventory.apply(RequestConsoleWorkTest.SENSITIVE_MAP, Actor.SYSTEM);
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var id =
                received("ACCESS", new NewRequest.Subject("portail-" + suffix + "@example.test", null, null), "PORTAL");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        var officer = session(Role.PRIVACY_OFFICER);
        assertThat(page("/console/requests/" + id, officer))
                .contains("id=\"prove-person\"")
                .contains("id=\"review-awaits\"")
                .doesNotContain("id=\"identity-review\"")
                .doesNotContain("Accepter la preuve");
        assertThat(page("/console/requests/" + id + "?lang=en", officer)).doesNotContain("Accept the proof");

        act(officer, id, "/identity-proof", "basis", "IN_PERSON_ID_CHECK", "reason", "ID seen at the desk");
        assertThat(page("/console/requests/" + id, officer))
                .contains("id=\"identity-review\"")
                .contains("Accept the proof")
                .doesNotContain("id=\"review-awaits\"");
    }
}
