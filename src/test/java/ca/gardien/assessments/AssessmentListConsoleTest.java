package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The list of assessments searched and exported (issue 13, officer's review): a search box by title or data-map item,
 * with an empty state that says why, and a CSV for French Excel of what the reader may read (a staff member only what
 * is assigned to them), its times in the organization's zone with their offset.
 */
class AssessmentListConsoleTest extends AssessmentTestSupport {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private MockHttpSession session(Role role) throws Exception {
        var person = person(role);
        return login(person.username(), person.password());
    }

    private String start(MockHttpSession officer, String title) throws Exception {
        var location = mvc.perform(post("/console/assessments")
                        .param("title", title)
                        .param("templateId", "qc-system")
                        .session(officer)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String page(String query, MockHttpSession session) throws Exception {
        return mvc.perform(get("/console/assessments" + query).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String csv(String search, MockHttpSession session) throws Exception {
        var bytes = mvc.perform(get("/console/assessments/export.csv")
                        .param("q", search)
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(bytes).startsWith(BOM);
        return new String(Arrays.copyOfRange(bytes, BOM.length, bytes.length), StandardCharsets.UTF_8);
    }

    @Test
    void theListIsSearchedByTitleOrDataMapItem() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var word = "portail" + UUID.randomUUID().toString().substring(0, 8);
        var portal = start(officer, "Nouveau " + word.toUpperCase() + " des clients");
        var payroll = start(officer, "Paie " + UUID.randomUUID());
        var transfer = applyTransfer(unique("recherche"), "US");
        var byItem = assessmentOf("transfers/" + transfer);

        assertThat(page("?q=" + word, officer))
                .contains("data-assessment=\"" + portal + "\"")
                .doesNotContain("data-assessment=\"" + payroll + "\"")
                .contains("href=\"/console/assessments/export.csv?q=" + word + "\"");
        assertThat(page("?q=" + transfer, officer))
                .contains("data-assessment=\"" + byItem + "\"")
                .doesNotContain("data-assessment=\"" + portal + "\"");
        assertThat(page("?q=aucune-evaluation-ainsi", officer))
                .contains("id=\"list-empty\"")
                .contains("Aucune évaluation ne correspond à ces critères");
        assertThat(page("?q=" + word + "&status=nonsense&lang=en", officer)).contains("Title or data-map item");
    }

    @Test
    void theCsvHoldsWhatTheReaderMayReadWithTheOrganizationsOffset() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        var word = "Registre " + UUID.randomUUID().toString().substring(0, 8);
        var mine = start(officer, word + " — équipe");
        var notMine = start(officer, word + " — autre");
        var staff = person(Role.STAFF);
        mvc.perform(post("/console/assessments/" + mine + "/assignee")
                        .param("accountId", staff.id().toString())
                        .session(officer)
                        .with(csrf()))
                .andExpect(flash().attributeExists("done"));

        var all = csv(word, officer);
        assertThat(all).startsWith("Titre,Élément de l’inventaire,Version,État,Mesures en retard,Commencée le\r\n");
        assertThat(all).contains(word + " — équipe,").contains(word + " — autre,");
        assertThat(all.lines().filter(l -> l.startsWith(word)))
                .allMatch(l -> l.matches(".*,\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}-0[45]:00"));
        var staffCsv = csv(word, login(staff.username(), staff.password()));
        assertThat(staffCsv).contains(word + " — équipe,").doesNotContain(word + " — autre");
        assertThat(notMine).isNotEqualTo(mine);
        mvc.perform(get("/console/assessments/export.csv")).andExpect(status().is3xxRedirection());
        // a status it does not know and an overlong search are read leniently, as on the page: never an error
        mvc.perform(get("/console/assessments/export.csv")
                        .param("status", "<nonsense>")
                        .param("q", "x".repeat(5000))
                        .session(officer))
                .andExpect(status().isOk());
    }
}
