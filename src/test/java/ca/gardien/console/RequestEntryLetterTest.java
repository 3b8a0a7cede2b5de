package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The officer's walk of 2026-12-05: a paper request's entry refused for another field dropped the scanned letter, and the
 * officer had to choose the file again without being told. The letter is now held for the session and shown as attached.
 */
class RequestEntryLetterTest extends RequestConsoleSupport {

    private static final String SCAN = "%PDF-1.4 lettre synthétique";

    private MockMultipartHttpServletRequestBuilder entry(MockHttpSession session, String receivedOn) {
        return entry(session, receivedOn, "ACCESS");
    }

    private MockMultipartHttpServletRequestBuilder entry(MockHttpSession session, String receivedOn, String type) {
        var request = multipart("/console/requests/new");
        if (type != null) {
            request.param("type", type);
        }
        request.param("channel", "MAIL")
                .param("jurisdiction", "QC")
                .param("language", "fr")
                .param("receivedOn", receivedOn)
                .param("customerNumber", "C-" + UUID.randomUUID().toString().substring(0, 8))
                .session(session)
                .with(csrf());
        return request;
    }

    private static MockMultipartFile scan() {
        return new MockMultipartFile(
                "letter", "lettre-mai.pdf", "application/pdf", SCAN.getBytes(StandardCharsets.UTF_8));
    }

    private String refused(MockMultipartHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String token(String page) {
        var start = page.indexOf("name=\"letterToken\" value=\"") + "name=\"letterToken\" value=\"".length();
        return page.substring(start, page.indexOf('"', start));
    }

    @Test
    void aRefusedEntryKeepsTheScannedLetterAndTheNextSaveFilesIt() throws Exception {
        var staff = session(Role.STAFF);
        int before = requests.list(null, null).size();
        var page = refused(entry(staff, "2999-01-01").file(scan()));
        assertThat(page)
                .contains("id=\"entry-receivedOn-error\"")
                .contains("Fichier joint : lettre-mai.pdf")
                .contains("id=\"letter-kept\"")
                .contains("name=\"removeLetter\"");
        assertThat(requests.list(null, null)).as("nothing half-written").hasSize(before);

        var saved = mvc.perform(entry(staff, LAST_WEEK).param("letterToken", token(page)))
                .andExpect(redirectedUrlPattern("/console/requests/*"))
                .andReturn();
        var location = saved.getResponse().getRedirectedUrl();
        var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(awaitLedgerEntry("requests.letter-filed", id)).isNotNull();
        // the request's page says it was recorded (officer's tour: it opened silently), and the queue shows the day
        // the letter came, not an invented time of it
        assertThat(mvc.perform(get(location).session(staff).flashAttrs(saved.getFlashMap()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("La demande est enregistrée.")
                .containsPattern("id=\"received-on\">" + LAST_WEEK + "<");
        var reference = requests.get(id).reference();
        assertThat(page("/console/requests?q=" + reference, staff))
                .contains(LAST_WEEK)
                .doesNotContain(LAST_WEEK + " 07:00");
        var request = page("/console/requests/" + id, staff);
        var file = request.replaceAll("(?s).*href=\"(/console/requests/" + id + "/documents/[^\"]+)\".*", "$1");
        var body =
                mvc.perform(get(file).session(staff)).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(SCAN);
    }

    @Test
    void aHeldLetterIsRemovedOnRequestAndIsNeverTakenFromAnotherSession() throws Exception {
        var staff = session(Role.STAFF);
        var token = token(refused(entry(staff, "2999-01-01").file(scan())));

        var other = refused(entry(session(Role.DELEGATE), LAST_WEEK).param("letterToken", token));
        assertThat(other)
                .as("another session's token holds nothing: the form says to attach the file again, and saves nothing")
                .contains("id=\"entry-letter-error\"")
                .contains("joignez-le de nouveau");

        var location = mvc.perform(
                        entry(staff, LAST_WEEK).param("letterToken", token).param("removeLetter", "true"))
                .andExpect(redirectedUrlPattern("/console/requests/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(page("/console/requests/" + id, staff)).doesNotContain("lettre-mai.pdf");
    }

    /** The officer's walk: "doit être l'une des valeurs [ACCESS, RECTIFICATION, …]" when no type was chosen. */
    @Test
    void aMissingTypeIsRefusedInWordsWithoutTheApisCodes() throws Exception {
        var page = refused(entry(session(Role.STAFF), LAST_WEEK, null));
        assertThat(page).contains("Choisissez une des valeurs proposées.").doesNotContain("RECTIFICATION,");
    }
}
