package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The complaint queue as CSV (issue 13, officer's review): the same confidentiality as the page (a staff member exports
 * only the files assigned to them, auditors none), the same filters and search, a file for French Excel.
 */
class ComplaintQueueExportTest extends WebTestSupport {

    private MockHttpSession session(Role role) throws Exception {
        var person = person(role);
        return login(person.username(), person.password());
    }

    /** Enters a complaint received by mail; staff who enter it are assigned the file. */
    private void enter(MockHttpSession session, String subject) throws Exception {
        mvc.perform(multipart("/console/complaints/new")
                        .param("channel", "MAIL")
                        .param(
                                "receivedOn",
                                LocalDate.now(ZoneId.of("America/Toronto")).toString())
                        .param("language", "fr")
                        .param("name", "Camille Exemple")
                        .param("email", "")
                        .param("phone", "+1 555 010 0199")
                        .param("subject", subject)
                        .param("reasons", "Des appels après mon retrait.")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private String csv(String query, MockHttpSession session) throws Exception {
        var bytes = mvc.perform(get("/console/complaints/export.csv" + query).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(bytes).startsWith(ConsoleCsvFilesTest.BOM);
        return new String(Arrays.copyOfRange(bytes, 3, bytes.length), StandardCharsets.UTF_8);
    }

    @Test
    void aStaffMembersCsvHoldsOnlyTheirFilesAndTheFiltersOfThePage() throws Exception {
        var staff = session(Role.STAFF);
        var officer = session(Role.PRIVACY_OFFICER);
        var mine = "Appels répétés " + UUID.randomUUID();
        var theirs = "Courriels non désirés " + UUID.randomUUID();
        enter(staff, mine);
        enter(officer, theirs);

        var own = csv("", staff);
        assertThat(own).startsWith("Référence,Objet,État,Urgence,Jours restants,Échéance,Reçue le\r\n");
        assertThat(own).contains("," + mine + ",Ouverte,").doesNotContain(theirs);
        var all = csv("?q=" + theirs.substring(theirs.length() - 36), officer);
        assertThat(all).contains(theirs).doesNotContain(mine);
        assertThat(csv("?status=CLOSED&q=" + mine.substring(mine.length() - 36), officer))
                .doesNotContain(mine);
        // a filter it does not know is ignored, as on the page: never an error
        assertThat(csv("?status=NOPE&urgency=%3Cscript%3E&q=" + "x".repeat(500), staff))
                .contains(mine);

        var page = mvc.perform(get("/console/complaints").param("q", "répétés").session(staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("id=\"complaints-csv\" href=\"/console/complaints/export.csv?q=r%C3%A9p%C3%A9t%C3%A9s\"");
    }

    @Test
    void anAuditorMayNotExportTheComplaintQueue() throws Exception {
        mvc.perform(get("/console/complaints/export.csv").session(session(Role.AUDITOR)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/complaints/export.csv")).andExpect(status().is3xxRedirection());
    }
}
