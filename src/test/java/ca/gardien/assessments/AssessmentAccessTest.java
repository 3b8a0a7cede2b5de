package ca.gardien.assessments;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Staff see and work only the assessments assigned to them; only the person in charge or a delegate records the
 * consultation and decides; auditors read and write nothing. Bad input on each step is a 400 naming the field.
 */
class AssessmentAccessTest extends AssessmentTestSupport {

    @Test
    void aStaffMemberNotAssignedGets403AndTheAssignedOneWorksButDoesNotDecide() throws Exception {
        var id = start();
        var path = "/api/v1/assessments/" + id;
        var staff = person(Role.STAFF);
        var staffBearer = bearerFor(staff.id(), Role.STAFF);
        read(staffBearer, path).andExpect(problem(403, "forbidden"));
        read(staffBearer, path + "/report").andExpect(problem(403, "forbidden"));
        read(staffBearer, "/api/v1/assessments/" + UUID.randomUUID()).andExpect(problem(403, "forbidden"));
        send("PUT", staffBearer, path + "/answers", "{\"answers\":{\"description\":\"x\"}}")
                .andExpect(problem(403, "forbidden"));
        read(staffBearer, "/api/v1/assessments").andExpect(jsonPath("$[*].id").value(not(hasItem(id))));

        send("PUT", officerBearer(), path + "/assignee", "{\"accountId\":\"" + staff.id() + "\"}")
                .andExpect(status().isOk());
        read(staffBearer, path).andExpect(status().isOk());
        read(staffBearer, "/api/v1/assessments").andExpect(jsonPath("$[*].id").value(hasItem(id)));
        send("PUT", staffBearer, path + "/answers", "{\"answers\":{\"description\":\"Refonte du portail\"}}")
                .andExpect(status().isOk());
        answerRequired(id, staffBearer);
        send("POST", staffBearer, path + "/consultation", "{\"consultedOn\":\"2020-01-01\",\"note\":\"x\"}")
                .andExpect(problem(403, "forbidden"));
        send("POST", officerBearer(), path + "/consultation", "{\"consultedOn\":\"2020-01-01\",\"note\":\"Vu.\"}")
                .andExpect(status().isOk());
        send("POST", officerBearer(), path + "/review", "{\"note\":\"Pas la personne assignée.\"}")
                .andExpect(problem(403, "forbidden"));
        send("POST", staffBearer, path + "/review", "{\"note\":\"Revue faite.\"}")
                .andExpect(status().isOk());
        send("POST", staffBearer, path + "/decision", "{\"decision\":\"approve\",\"reasons\":\"x\"}")
                .andExpect(problem(403, "forbidden"));
        var auditor = bearer(Role.AUDITOR);
        read(auditor, path).andExpect(status().isOk());
        send("POST", auditor, path + "/risks", "{}").andExpect(problem(403, "forbidden"));
        send("POST", bearer(Role.DELEGATE), path + "/decision", "{\"decision\":\"approve\",\"reasons\":\"Adéquat.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        awaitLedgerEntry("assessments.reviewed", id);
    }

    @Test
    void eachStepRefusesBadInputNamingTheField() throws Exception {
        var id = start();
        var path = "/api/v1/assessments/" + id;
        var officer = officerBearer();
        send("POST", officer, path + "/risks", """
                {"description":"Accès par un tiers","likelihood":9,"severity":0,"residualLikelihood":1}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("likelihood", "severity", "residualSeverity")));
        send("POST", officer, path + "/measures", """
                {"kind":"prayer","description":"","owner":"TI","dueOn":"3000-01-01"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("kind", "description", "dueOn")));
        send("POST", officer, path + "/measures/" + UUID.randomUUID() + "/done", "{\"doneOn\":\"2020-01-01\"}")
                .andExpect(problem(404, "not-found"));
        send("PUT", officer, path + "/assignee", "{\"accountId\":\"" + UUID.randomUUID() + "\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("accountId"));
        send("POST", officer, path + "/consultation", "{\"consultedOn\":\"2999-01-01\",\"note\":\"x\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("consultedOn"));
        send("POST", officer, path + "/review", "{\"note\":\"  \"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("note"));
        send("POST", officer, path + "/decision", "{\"decision\":\"maybe\",\"reasons\":\"x\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
        send("POST", officer, path + "/decision", "{\"decision\":\"approve\",\"reasons\":\"x\"}")
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail")
                        .value("Cette étape ne suit pas l’état actuel de l’évaluation (« Brouillon »)."));
        read(officer, path + "/report?lang=de")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("lang"));
        read(officer, "/api/v1/assessments/not-a-uuid").andExpect(status().isBadRequest());
        read(officer, "/api/v1/assessments/" + UUID.randomUUID()).andExpect(problem(404, "not-found"));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                        "/api/v1/assessments/templates"))
                .andExpect(status().isUnauthorized());
        read(bearer(Role.AUDITOR), "/api/v1/assessments/templates?lang=en")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(hasItem("qc-transfer")))
                .andExpect(jsonPath("$[?(@.id == 'qc-transfer')].title")
                        .value(hasItem("Privacy impact assessment of a communication outside Québec")));
    }

    /**
     * "Today" is the organization's day (America/Toronto here), not UTC's: at 03:30 UTC on 16 January it is still the
     * 15th in Québec, so a consultation dated the 16th is in the future and one dated the 15th is not.
     */
    @Test
    void aConsultationDayIsCheckedAgainstTheOrganizationsTodayNotUtcs() throws Exception {
        var id = start();
        var path = "/api/v1/assessments/" + id;
        var officer = officerBearer();
        clock.setDay("2027-01-15");
        clock.advance(java.time.Duration.ofMinutes(11 * 60 + 30)); // 2027-01-16T03:30Z, the 15th at 22:30 in Québec
        try {
            send("PUT", officer, path + "/assignee", "{\"accountId\":\"" + officerId() + "\"}")
                    .andExpect(status().isOk());
            send("POST", officer, path + "/consultation", "{\"consultedOn\":\"2027-01-16\",\"note\":\"Vu.\"}")
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("consultedOn"));
            send("POST", officer, path + "/consultation", "{\"consultedOn\":\"2027-01-15\",\"note\":\"Vu.\"}")
                    .andExpect(status().isOk());
        } finally {
            clock.reset();
        }
    }
}
