package ca.gardien.assessments;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The console pages of assessments: the module decides who sees and does what (an unassigned staff member and an
 * auditor are refused), bad input comes back on the page in the reader's language, saved-as-you-go answers say so.
 */
class AssessmentConsoleTest extends AssessmentTestSupport {

    String start() throws Exception {
        var body = send("POST", officerBearer(), "/api/v1/assessments", """
                        {"title":"Projet %s","templateId":"qc-system"}""".formatted(UUID.randomUUID()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    @Test
    void theOfficerSeesTheListAndTheFormAndBadAnswersComeBackOnThePage() throws Exception {
        var id = start();
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        mvc.perform(get("/console/assessments").param("status", "nonsense").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-assessment=\"" + id + "\"")));
        mvc.perform(get("/console/assessments/" + id).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"questionnaire\"")));
        mvc.perform(post("/console/assessments/" + id + "/answers")
                        .param("q.persons-count", "beaucoup")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nombre approximatif de personnes concernées")))
                .andExpect(content().string(containsString("error-summary")));
        mvc.perform(post("/console/assessments/" + id + "/answers")
                        .header("HX-Request", "true")
                        .param("q.persons-count", "120")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Réponses enregistrées.")))
                .andExpect(content().string(not(containsString("<main"))));
        mvc.perform(post("/console/assessments/" + id + "/measures")
                        .param("kind", "nonsense")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("error-summary")));
        mvc.perform(post("/console/assessments/" + id + "/decision")
                        .param("decision", "approve")
                        .param("reasons", "Trop tôt.")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ne suit pas l")));
        mvc.perform(post("/console/assessments/" + id + "/consultation")
                        .param("consultedOn", "2020-02-02")
                        .param("note", "Consultée.")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/assessments/" + id));
        mvc.perform(get("/console/assessments/" + id + "/report")
                        .param("language", "en")
                        .session(session))
                .andExpect(status().isOk())
                // the report's language, not the console's: ?lang= would have switched the officer's pages to English
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie()
                        .doesNotExist("gardien-lang"))
                .andExpect(content().string(containsString("Approximate number of persons concerned")))
                .andExpect(content().string(containsString("120")))
                .andExpect(content().string(not(containsString("account:"))));
        mvc.perform(get("/console/assessments/" + id + "/report.pdf").session(session))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"));
    }

    @Test
    void anUnassignedStaffMemberAndAnAuditorAreRefused() throws Exception {
        var id = start();
        var staff = person(Role.STAFF);
        var staffSession = login(staff.username(), staff.password());
        mvc.perform(get("/console/assessments/" + id).session(staffSession)).andExpect(status().isForbidden());
        mvc.perform(get("/console/assessments").session(staffSession))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(id))));
        var auditor = person(Role.AUDITOR);
        var auditorSession = login(auditor.username(), auditor.password());
        mvc.perform(get("/console/assessments/" + id).session(auditorSession)).andExpect(status().isOk());
        mvc.perform(post("/console/assessments/" + id + "/decision")
                        .param("decision", "approve")
                        .param("reasons", "x")
                        .session(auditorSession)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/assessments/" + id + "/answers")
                        .param("q.description", "x")
                        .session(staffSession)
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
