package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Officer's review (2026-12-07): recording an incident, entering a complaint and disabling an account changed the page
 * without a word, where every other step says what it did.
 */
class StepsSayWhatTheyDidTest extends WebTestSupport {

    private String after(MockHttpSession session, MvcResult step) throws Exception {
        return mvc.perform(get(step.getResponse().getRedirectedUrl())
                        .session(session)
                        .flashAttrs(step.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void recordingAnIncidentEnteringAComplaintAndDisablingAnAccountEachSayWhatTheyDid() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());

        var incident = mvc.perform(post("/console/incidents")
                        .session(session)
                        .with(csrf())
                        .param("title", "Portable oublié")
                        .param("occurredOn", "2026-11-20")
                        .param("awareOn", "2026-11-21")
                        .param("awareTime", "09:00")
                        .param("circumstances", "Un portable a été oublié dans un taxi."))
                .andExpect(flash().attribute("done", "recorded"))
                .andReturn();
        assertThat(after(session, incident))
                .contains("id=\"done\"")
                .contains("L’incident est inscrit au registre des incidents de confidentialité");

        var complaint = mvc.perform(multipart("/console/complaints/new")
                        .param("channel", "MAIL")
                        .param(
                                "receivedOn",
                                java.time.LocalDate.now().minusDays(2).toString())
                        .param("language", "fr")
                        .param("name", "Camille Exemple")
                        .param("email", "")
                        .param("phone", "+1 555 010 0199")
                        .param("subject", "Lettre reçue")
                        .param("reasons", "Des appels après mon retrait.")
                        .session(session)
                        .with(csrf()))
                .andExpect(flash().attribute("done", "entered"))
                .andReturn();
        assertThat(after(session, complaint)).contains("La plainte est inscrite");

        var staff = person(Role.STAFF);
        var disabled = mvc.perform(post("/console/accounts/" + staff.id() + "/disable")
                        .session(session)
                        .with(csrf()))
                .andReturn();
        assertThat(after(session, disabled)).contains("Le compte " + staff.username() + " est désactivé");
    }
}
