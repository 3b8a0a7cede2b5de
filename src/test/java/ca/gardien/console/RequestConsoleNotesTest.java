package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.RightsRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Issue 13 on the console: officer entry of a request received by mail or phone, notes and files of a request; bad
 * input comes back next to its field with what was typed, auditors can neither enter, annotate nor download.
 */
class RequestConsoleNotesTest extends RequestConsoleSupport {

    @Test
    void staffEnterAPaperRequestWithItsLetterAndItStartsOnTheDayItWasReceived() throws Exception {
        var staff = session(Role.STAFF);
        assertThat(page("/console/requests/new", staff))
                .contains("id=\"entry-form\"")
                .contains("enctype");
        var letter = new MockMultipartFile("letter", "letter.pdf", "application/pdf", "%PDF-1.4 lettre".getBytes());
        var location = mvc.perform(multipart("/console/requests/new")
                        .file(letter)
                        .param("type", "ACCESS")
                        .param("channel", "MAIL")
                        .param("jurisdiction", "QC")
                        .param("language", "fr")
                        .param("receivedOn", LAST_WEEK)
                        .param(
                                "customerNumber",
                                "C-" + UUID.randomUUID().toString().substring(0, 8))
                        .param("details", "Lettre reçue par la poste")
                        .session(staff)
                        .with(csrf()))
                .andExpect(redirectedUrlPattern("/console/requests/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        var request = requests.get(id);
        assertThat(request.channel()).isEqualTo(RightsRequest.Channel.MAIL);
        assertThat(request.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(request.receivedAt().toString()).startsWith(LAST_WEEK);
        assertThat(awaitLedgerEntry("requests.letter-filed", id)).isNotNull();

        var page = page("/console/requests/" + id, staff);
        assertThat(page).contains("Lettre numérisée").contains("Lettre reçue par la poste");
        var file = page.replaceAll("(?s).*href=\"(/console/requests/" + id + "/documents/[^\"]+)\".*", "$1");
        var body = mvc.perform(get(file).session(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("%PDF-1.4 lettre");
        assertThat(awaitLedgerEntry("requests.document-downloaded", id)).isNotNull();
        mvc.perform(get(file).session(session(Role.AUDITOR))).andExpect(status().isForbidden());
    }

    @Test
    void aRefusedEntryShowsEveryErrorNextToItsFieldAndKeepsWhatWasTyped() throws Exception {
        var delegate = session(Role.DELEGATE);
        var page = refusedEntry(
                delegate,
                "type",
                "",
                "channel",
                "PORTAL",
                "jurisdiction",
                "QC",
                "receivedOn",
                "2999-01-01",
                "email",
                "not-an-email",
                "details",
                "Ce que j'ai tapé");
        assertThat(page)
                .contains("id=\"error-summary\"")
                .contains("id=\"entry-type-error\"")
                .contains("id=\"entry-channel-error\"")
                .contains("Ce que j&#39;ai tapé")
                .contains("value=\"not-an-email\"");

        var english = refusedEntry(
                delegate, "type", "ACCESS", "channel", "MAIL", "jurisdiction", "QC", "email", "x", "lang", "en");
        assertThat(english).contains("id=\"entry-email-error\"").contains("is not a valid email");
        var nobody = refusedEntry(delegate, "type", "ACCESS", "channel", "MAIL", "jurisdiction", "QC", "lang", "fr");
        assertThat(nobody)
                .as("the fields named by their labels, the jurisdiction in words")
                .contains("au moins un courriel, un téléphone ou un numéro de client")
                .doesNotContain("customerNumber</")
                .contains(">Québec (Loi 25)</option>");

        var future = refusedEntry(
                delegate,
                "type",
                "ACCESS",
                "channel",
                "MAIL",
                "jurisdiction",
                "QC",
                "receivedOn",
                "2099-12-31",
                "customerNumber",
                "C-12345");
        assertThat(future).contains("id=\"entry-receivedOn-error\"");
    }

    /** Posts the entry form, refused: the form comes back (200) with the errors. */
    private String refusedEntry(MockHttpSession session, String... params) throws Exception {
        var request = multipart("/console/requests/new").session(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void auditorsCannotEnterRequestsNorAnnotateThem() throws Exception {
        var auditor = session(Role.AUDITOR);
        mvc.perform(get("/console/requests/new").session(auditor)).andExpect(status().isForbidden());
        mvc.perform(multipart("/console/requests/new")
                        .param("type", "ACCESS")
                        .session(auditor)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        var id = received("ACCESS");
        mvc.perform(post("/console/requests/" + id + "/notes")
                        .param("note", "x")
                        .session(auditor)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/console/requests/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "a.txt", "text/plain", "a".getBytes()))
                        .session(auditor)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(page("/console/requests/" + id, auditor)).doesNotContain("id=\"note-form\"");
        mvc.perform(get("/console/requests/new")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void notesAndAttachmentsAreKeptWithTheRequestAndABadOneIsRefusedByItsField() throws Exception {
        var id = received("ACCESS");
        var staff = session(Role.STAFF);
        act(staff, id, "/notes", "note", "Appel de la personne : elle rappellera lundi.");
        var page = page("/console/requests/" + id, staff);
        assertThat(page).contains("Appel de la personne : elle rappellera lundi.");
        // who wrote it, in words (officer review: "par ACCOUNT:<uuid>")
        assertThat(page).doesNotContain("par ACCOUNT:").contains("par Membre du personnel");
        assertThat(String.valueOf(awaitLedgerEntry("requests.note-added", id).get("payload")))
                .doesNotContain("rappellera");
        // the page says what was done, not "C'est fait." (officer's tour)
        var added = mvc.perform(post("/console/requests/" + id + "/notes")
                        .session(staff)
                        .with(csrf())
                        .param("note", "Deuxième appel."))
                .andReturn()
                .getFlashMap();
        assertThat(shownAfter(id, staff, added))
                .contains("La note est ajoutée à la demande.")
                .doesNotContain("C’est fait.");

        var refused = refusedPage(staff, id, "/notes", "note", "   ");
        assertThat(refused).contains("id=\"note-error\"");
        // the summary names the field by its label on the page, links to it and takes the focus (officer's review)
        assertThat(refused)
                .contains("data-error-summary")
                .contains("<a href=\"#note\">Ajouter une note : ")
                .contains("aria-describedby=\"note-error\"")
                .doesNotContain("note: ");
        var tooLong = "x".repeat(4001);
        assertThat(refusedPage(staff, id, "/notes", "note", tooLong))
                .contains("id=\"note-error\"")
                .contains(tooLong);

        mvc.perform(multipart("/console/requests/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "call.txt", "text/plain", "Résumé".getBytes()))
                        .session(staff)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/requests/" + id));
        assertThat(page("/console/requests/" + id, staff)).contains("Pièce jointe — text/plain");
        assertThat(awaitLedgerEntry("requests.attachment-filed", id)).isNotNull();

        var empty = mvc.perform(multipart("/console/requests/" + id + "/attachments")
                        .file(new MockMultipartFile("file", "empty.txt", "text/plain", new byte[0]))
                        .session(staff)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/requests/" + id))
                .andReturn()
                .getFlashMap();
        assertThat(empty.get("refused")).asString().startsWith("Joindre un fichier : ");
        assertThat(empty.get("fieldLines"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKey("file");
        var tooBig = mvc.perform(multipart("/console/requests/" + id + "/attachments")
                        .file(new MockMultipartFile(
                                "file", "scan.pdf", "application/pdf", new byte[10 * 1024 * 1024 + 1]))
                        .session(staff)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/requests/" + id))
                .andReturn()
                .getFlashMap();
        assertThat(tooBig.get("refused"))
                .as("the limit in words, not in bytes (attacker's probe: \"dépasse 10485760B\")")
                .isEqualTo("Joindre un fichier : Le fichier dépasse 10 Mo.");
        mvc.perform(get("/console/requests/" + id + "/documents/" + UUID.randomUUID())
                        .session(staff))
                .andExpect(status().isNotFound());
    }
}
