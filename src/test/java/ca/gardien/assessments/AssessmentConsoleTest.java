package ca.gardien.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The console pages of assessments: the module decides who sees and does what (an unassigned staff member and an
 * auditor are refused), bad input comes back on the page in the reader's language, saved-as-you-go answers say so.
 */
class AssessmentConsoleTest extends AssessmentTestSupport {

    /** The page a refused form's redirect leads to, as the browser shows it (with the flash of the refusal). */
    String shown(org.springframework.test.web.servlet.ResultActions sent, MockHttpSession session) throws Exception {
        var refused = sent.andExpect(status().isFound()).andReturn();
        var page = refused.getResponse().getRedirectedUrl();
        assertThat(page).matches("/console/assessments/[0-9a-f-]{36}");
        return mvc.perform(get(page).session(session).flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
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
        // a refused form comes back to the page (redirect after POST), its error next to its field, what was typed kept
        assertThat(shown(
                        mvc.perform(post("/console/assessments/" + id + "/answers")
                                .param("q.persons-count", "beaucoup")
                                .session(session)
                                .with(csrf())),
                        session))
                .contains("Nombre approximatif de personnes concernées", "error-summary")
                .contains("id=\"q-persons-count-error\"", "value=\"beaucoup\"");
        mvc.perform(post("/console/assessments/" + id + "/answers")
                        .header("HX-Request", "true")
                        .param("q.persons-count", "120")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Réponses enregistrées.")))
                .andExpect(content().string(not(containsString("<main"))));
        assertThat(shown(
                        mvc.perform(post("/console/assessments/" + id + "/measures")
                                .param("kind", "nonsense")
                                .session(session)
                                .with(csrf())),
                        session))
                .contains("error-summary", "id=\"measure-kind-error\"")
                // a value outside the list reads as FieldError.inForm says it, not as the API's codes
                .contains("Choisissez une des valeurs proposées.")
                .doesNotContain("responsible-person, project-documents");
        assertThat(shown(
                        mvc.perform(post("/console/assessments/" + id + "/decision")
                                .param("decision", "approve")
                                .param("reasons", "Trop tôt.")
                                .session(session)
                                .with(csrf())),
                        session))
                .contains("ne suit pas l");
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
                .andExpect(content().contentType("application/pdf"))
                // saved under a name in the report's language (officer's walk: it had none)
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string(
                                "Content-Disposition",
                                containsString("filename=\"rapport-efvp-" + id.substring(0, 8))));
        mvc.perform(get("/console/assessments/" + id + "/report.pdf")
                        .param("language", "en")
                        .session(session))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                        .string("Content-Disposition", containsString("filename=\"pia-report-")));
    }

    @Test
    void aDayThatDoesNotExistIsRefusedNotMovedToTheEndOfTheMonth() throws Exception {
        var id = start();
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        var page = "/console/assessments/" + id;
        for (var day : java.util.List.of("2027-02-31", "2027-04-31", "31/01/2027")) {
            mvc.perform(post(page + "/measures")
                            .param("kind", "training")
                            .param("description", "Former l'équipe du portail")
                            .param("owner", "Ressources humaines")
                            .param("dueOn", day)
                            .header("Referer", "http://localhost" + page)
                            .session(session)
                            .with(csrf()))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Échéance")))
                    // the way back is the page the form was on, not the form's action (a POST only)
                    .andExpect(content().string(containsString("id=\"error-back\" href=\"" + page + "\"")));
        }
        read(officerBearer(), "/api/v1/assessments/" + id)
                .andExpect(jsonPath("$.measures").isEmpty());
        // a day no database stores (before 1900, or a year of nine digits) is refused on its field too
        for (var day : new String[] {"0001-01-01", "1900-01-01", "1999-12-31"}) { // 1900 was kept (attacker's review)
            send("POST", officerBearer(), "/api/v1/assessments/" + id + "/consultation", """
                    {"consultedOn":"%s","note":"Consultée."}""".formatted(day))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("consultedOn"));
        }
        send("POST", officerBearer(), "/api/v1/assessments/" + id + "/measures", """
                {"kind":"training","description":"Former l'équipe","owner":"RH","dueOn":"2030-01-01"}""")
                .andExpect(status().isOk());
        String measure = JsonPath.read(
                read(officerBearer(), "/api/v1/assessments/" + id)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.measures[0].id");
        send("POST", officerBearer(), "/api/v1/assessments/" + id + "/measures/" + measure + "/done", """
                {"doneOn":"-999999999-01-01"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("doneOn"));
    }

    @Test
    void theOfficerMarksAMeasureDoneInTheConsoleAndEachStepSaysWhatHappenedAndWhatComesNext() throws Exception {
        var id = start();
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        var page = "/console/assessments/" + id;
        mvc.perform(post(page + "/measures")
                        .param("kind", "training")
                        .param("description", "Former l'équipe du portail")
                        .param("owner", "Ressources humaines")
                        .param("dueOn", "2020-03-01")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("done", containsString("Mesure ajoutée")));
        mvc.perform(get(page).session(session))
                .andExpect(content().string(containsString("id=\"done\"")))
                .andExpect(content().string(containsString("Prochaine étape : Répondez")))
                .andExpect(content().string(containsString("id=\"measure-done\"")))
                .andExpect(content().string(containsString("data-confirm=\"Marquer cette mesure")))
                .andExpect(content().string(containsString("Ressources humaines")))
                .andExpect(content().string(containsString("En retard")));
        mvc.perform(get(page).session(session)).andExpect(content().string(not(containsString("id=\"done\""))));
        String measure = JsonPath.read(
                read(officerBearer(), "/api/v1/assessments/" + id)
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.measures[0].id");

        // refused: no measure chosen, a day to come; the page says which field
        assertThat(shown(
                        mvc.perform(post(page + "/measures/done")
                                .param("doneOn", "2020-03-02")
                                .session(session)
                                .with(csrf())),
                        session))
                .contains("error-summary", "id=\"measureId-error\"");
        assertThat(shown(
                        mvc.perform(post(page + "/measures/done")
                                .param("measureId", measure)
                                .param("doneOn", "2999-01-01")
                                .session(session)
                                .with(csrf())),
                        session))
                .contains("id=\"doneOn-error\"", "value=\"2999-01-01\"");
        var auditor = person(Role.AUDITOR);
        mvc.perform(post(page + "/measures/done")
                        .param("measureId", measure)
                        .param("doneOn", "2020-03-02")
                        .session(login(auditor.username(), auditor.password()))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post(page + "/measures/done")
                        .param("measureId", measure)
                        .param("doneOn", "2020-03-02")
                        .param("lang", "en")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("done", "Measure marked done and recorded in the evidence ledger."));
        read(officerBearer(), "/api/v1/assessments/" + id)
                .andExpect(jsonPath("$.measures[0].doneOn").value("2020-03-02"))
                .andExpect(jsonPath("$.measures[0].late").value(false));
        mvc.perform(get(page).session(session))
                .andExpect(content().string(containsString("Next: Answer the questionnaire")))
                .andExpect(content().string(containsString("2020-03-02")))
                .andExpect(content().string(not(containsString("id=\"measure-done\""))));
        awaitLedgerEntry("assessments.measure-done", id);

        mvc.perform(post(page + "/consultation")
                        .param("consultedOn", "2020-02-02")
                        .param("note", "Consultée.")
                        .param("lang", "fr")
                        .session(session)
                        .with(csrf()))
                .andExpect(flash().attribute("done", "Consultation du responsable consignée."));
        mvc.perform(get(page).session(session))
                .andExpect(content().string(containsString("Prochaine étape : Évaluez les risques")));
    }

    @Test
    void theOfficerStartsAnAssessmentByHandAndAssignsItsReviewInTheConsole() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        mvc.perform(get("/console/assessments").session(session))
                .andExpect(content().string(containsString("id=\"start\"")))
                .andExpect(content().string(containsString("value=\"qc-system\"")));
        mvc.perform(post("/console/assessments")
                        .param("title", " ")
                        .param("templateId", "nope")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-field=\"title\"")))
                .andExpect(content().string(containsString("data-field=\"templateId\"")));
        var title = "Portail " + UUID.randomUUID();
        var started = mvc.perform(post("/console/assessments")
                        .param("title", title)
                        .param("templateId", "qc-system")
                        .session(session)
                        .with(csrf()))
                .andExpect(flash().attribute("done", "Évaluation commencée."))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        var staff = person(Role.STAFF);
        mvc.perform(get(started).session(session))
                .andExpect(content().string(containsString(title)))
                .andExpect(content().string(containsString("id=\"assign\"")));
        assertThat(shown(
                        mvc.perform(post(started + "/assignee")
                                .param("accountId", UUID.randomUUID().toString())
                                .session(session)
                                .with(csrf())),
                        session))
                .contains("id=\"accountId-error\"");
        mvc.perform(post(started + "/assignee")
                        .param("accountId", staff.id().toString())
                        .session(session)
                        .with(csrf()))
                .andExpect(flash().attribute("done", "La revue est attribuée."));
        mvc.perform(get(started).session(login(staff.username(), staff.password())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"assigned\"")));
        var auditor = person(Role.AUDITOR);
        mvc.perform(post("/console/assessments")
                        .param("title", "Refusé")
                        .param("templateId", "qc-system")
                        .session(login(auditor.username(), auditor.password()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        awaitLedgerEntry("assessments.assigned", started.substring(started.lastIndexOf('/') + 1));
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
