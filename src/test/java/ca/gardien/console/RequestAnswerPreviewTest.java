package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.AnswerLetter;
import ca.gardien.requests.NewRequest;
import ca.gardien.requests.RequestIntake;
import ca.gardien.requests.RequestNotes;
import ca.gardien.requests.RequestStatus;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import org.springframework.web.util.HtmlUtils;

/**
 * Privacy officer's review: a rights request's answer went out without the officer seeing its letter, the letter ran the
 * typed paragraphs into one line, and once sent the page said only « Demande acceptée ». The saved answer's letter is
 * now previewed exactly as the package will hold it (nothing sent, kept or changed), and once sent the « Réponse »
 * section says what went and how.
 */
class RequestAnswerPreviewTest extends RequestConsoleSupport {

    private static final String MESSAGE =
            "Bonjour,\r\n\r\nVous trouverez ci-joint le relevé.\r\nCordialement <b>Équipe</b>";
    private static final Pattern LINK = Pattern.compile("(/requests/download/[A-Za-z0-9_-]+)");

    @Autowired
    RequestNotes notes;

    @Test
    void theOfficerReadsTheSavedLetterWithItsParagraphsAndFilesBeforeSendingAndItIsTheLetterSent() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = tasksDone(officer, "fr");
        var file = notes.attach(
                id,
                new RequestIntake.Upload(
                        "application/pdf", "%PDF-1.4 synthetic".getBytes(StandardCharsets.US_ASCII), "releve.pdf"),
                Actor.SYSTEM);
        act(
                officer,
                id,
                "/response",
                "outcome",
                "FULFILLED",
                "message",
                MESSAGE,
                "documents",
                file.id().toString());
        assertThat(page("/console/requests/" + id, officer))
                .contains("action=\"/console/requests/" + id + "/answer/preview\"", "Prévisualiser la lettre");

        var flash = preview(officer, id);
        var letter = (AnswerLetter) flash.get("answerPreview");
        assertThat(letter.language()).isEqualTo("fr");
        assertThat(letter.html())
                .as("the typed paragraphs as paragraphs, the line end a break, the typed markup as text")
                // the greeting opens the letter, before the outcome's sentence (officer review)
                .containsSubsequence(
                        "<p>Bonjour,</p>",
                        "<p>Nous avons donné suite à votre demande.</p>",
                        "<p>Vous trouverez ci-joint le relevé.<br/>Cordialement &lt;b&gt;Équipe&lt;/b&gt;</p>")
                .contains("<li>01-releve.pdf</li>");
        assertThat(letter.files()).containsExactly("letter.html", "letter.pdf", "data.json", "documents/01-releve.pdf");
        var page = pageAfter(officer, id, flash);
        assertThat(page)
                .contains("id=\"answer-preview\"", "La lettre telle qu’elle sera envoyée", "en français")
                .contains("documents/01-releve.pdf")
                .doesNotContain("id=\"done\"");
        var shown = page.substring(page.indexOf("srcdoc=\"") + 8);
        assertThat(HtmlUtils.htmlUnescape(shown.substring(0, shown.indexOf('"'))))
                .as("the page shows the letter itself, in a document of its own")
                .isEqualTo(letter.html());
        assertThat(requests.get(id).status()).as("nothing changed").isEqualTo(RequestStatus.RESPONSE_DRAFTED);
        assertThat(outbox.about(id.toString())).noneMatch(m -> m.template().equals("requests.delivery"));

        act(officer, id, "/approve");
        assertThat(((AnswerLetter) preview(officer, id).get("answerPreview")).html())
                .isEqualTo(letter.html());
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.APPROVED);
        assertThat(ledgerEntries(officerBearer()))
                .as("no fact of sending")
                .noneMatch(e ->
                        "requests.sent".equals(e.get("action")) && id.toString().equals(e.get("objectId")));

        act(officer, id, "/send");
        awaitLedgerEntry("requests.sent", id);
        assertThat(page("/console/requests/" + id, officer))
                .as("once sent, the section says what went and how")
                // no mail server in these tests: the email is said placed in the outbox, not sent
                .contains("id=\"response-sent\"", "Réponse placée dans la boîte d’envoi (courriel retenu\u202f: ")
                .contains("Vous trouverez ci-joint le relevé.", "01-releve.pdf")
                .doesNotContain("Prévisualiser la lettre");
        var body = outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals("requests.delivery"))
                .findFirst()
                .orElseThrow()
                .body();
        var link = LINK.matcher(body);
        assertThat(link.find()).isTrue();
        var zip = mvc.perform(post(link.group(1))).andReturn().getResponse().getContentAsByteArray();
        assertThat(letterHtml(zip))
                .as("the letter sent is the letter previewed")
                .isEqualTo(letter.html());
        assertThat(refusal(officer, id, "/answer/preview")).contains("déjà envoyée");
    }

    @Test
    void anEnglishRequestsLetterIsPreviewedInEnglishAndWithoutASavedAnswerThePreviewSaysWhy() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = tasksDone(officer, "en");
        assertThat(page("/console/requests/" + id, officer)).doesNotContain("Prévisualiser la lettre");
        var page = refusedPage(officer, id, "/answer/preview");
        assertThat(page).contains("Il n’y a pas de réponse à prévisualiser").doesNotContain("id=\"answer-preview\"");
        assertThat(requests.get(id).status()).isEqualTo(RequestStatus.IN_PROGRESS);

        act(officer, id, "/response", "outcome", "FULFILLED", "message", "Hello,\n\nHere is your information.");
        var letter = (AnswerLetter) preview(officer, id).get("answerPreview");
        assertThat(letter.language()).isEqualTo("en");
        assertThat(letter.html())
                .containsSubsequence(
                        "<p>Hello,</p>", "<p>We have granted your request.</p>", "<p>Here is your information.</p>")
                .contains("lang=\"en\"");

        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(officer));
        officer.removeAttribute(SessionFlashMapManager.class.getName() + ".FLASH_MAPS");
        var english = pageAfter(officer, id, preview(officer, id));
        assertThat(english).contains("Preview the letter", "The letter as it will be sent", "in English");
        var other = received("ACCESS");
        assertThat(refusal(officer, other, "/answer/preview")).contains("There is no answer to preview");
    }

    @Test
    void anAuditorMayNotPreviewTheLetter() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var id = tasksDone(officer, "fr");
        act(officer, id, "/response", "outcome", "FULFILLED", "message", "Bonjour.");
        var auditor = session(Role.AUDITOR);
        mvc.perform(post("/console/requests/" + id + "/answer/preview")
                        .session(auditor)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(page("/console/requests/" + id, auditor)).doesNotContain("/answer/preview");
    }

    private FlashMap preview(MockHttpSession session, UUID id) throws Exception {
        var flash = mvc.perform(post("/console/requests/" + id + "/answer/preview")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/requests/" + id + "#answer-preview"))
                .andReturn()
                .getFlashMap();
        assertThat(flash.get("refused")).isNull();
        return flash;
    }

    /** An access request in this language, its email verified, its customer number confirmed, its tasks done. */
    private UUID tasksDone(MockHttpSession staff, String language) throws Exception {
        var suffix = UUID.randomUUID().toString().substring(0, 8);
        var id = intake.submit(
                        new NewRequest(
                                "ACCESS",
                                new NewRequest.Subject("preview-" + suffix + "@example.test", null, "C-" + suffix),
                                "QC",
                                "API",
                                language,
                                null,
                                "customer",
                                null,
                                null),
                        Actor.SYSTEM)
                .id();
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        act(staff, id, "/identifiers/CUSTOMER/confirm", "basis", "CUSTOMER_RECORD_MATCH", "reason", "In the file");
        for (var task : tasks.of(id)) {
            act(staff, id, "/tasks/" + task.id() + "/complete", "outcome", "NOT_FOUND", "note", "searched");
        }
        return id;
    }

    private static String letterHtml(byte[] zip) throws Exception {
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals("letter.html")) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no letter.html in the package");
    }
}
