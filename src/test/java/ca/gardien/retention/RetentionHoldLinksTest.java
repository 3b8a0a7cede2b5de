package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/**
 * A legal hold tied to an incident or a complaint: one that is not in its register is refused naming the field, in the
 * caller's language, and nothing is written; the console offers the incidents and complaints by reference, title and
 * date and links the hold to their pages (a complaint only for those who may open its file); an auditor cannot place
 * a hold.
 */
class RetentionHoldLinksTest extends PlantedShop {

    private String send(String bearer, String path, String json, String language, int expected) throws Exception {
        return call(
                post(path)
                        .header("Authorization", bearer)
                        .header("Accept-Language", language)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json),
                expected);
    }

    private String incident(String title) throws Exception {
        var aware = LocalDate.now().minusDays(3);
        var created =
                send(officerBearer(), "/api/v1/incidents", """
                {"title": "%s", "occurredOn": "%s", "awareAt": "%sT09:00:00-05:00",
                 "circumstances": "A synthetic test incident."}""".formatted(title, aware.minusDays(1), aware), "en", 201);
        return JsonPath.read(created, "$.id");
    }

    private String complaint(String subject) throws Exception {
        var created = send(officerBearer(), "/api/v1/complaints", """
                {"name":"Test Complainant","email":"complainant@example.test","phone":"+1 555 010 0199","subject":"%s",
                 "reasons":"Synthetic reasons.","language":"en"}""".formatted(subject), "en", 201);
        return JsonPath.read(created, "$.id");
    }

    private String page(MockHttpSession session, String lang) throws Exception {
        var response = mvc.perform(get("/console/retention").session(session).param("lang", lang))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private String activeHolds() throws Exception {
        return call(get("/api/v1/retention/holds").header("Authorization", officerBearer()), 200);
    }

    @Test
    void aHoldServingAnIncidentOrAComplaintNotInItsRegisterIsRefusedNamingTheFieldAndNothingIsWritten()
            throws Exception {
        var marker = "hold-" + UUID.randomUUID();
        var body = JSON.writeValueAsString(Map.of(
                "connector",
                connector,
                "reason",
                marker,
                "incident",
                UUID.randomUUID().toString(),
                "complaint",
                UUID.randomUUID().toString()));
        var english = send(officerBearer(), "/api/v1/retention/holds", body, "en", 400);
        assertThat((List<String>) JsonPath.read(english, "$.errors[*].field")).containsExactly("incident", "complaint");
        assertThat(english)
                .contains("The incident chosen is not in the register of confidentiality incidents.")
                .contains("The complaint chosen is not a complaint file.");
        var french = send(officerBearer(), "/api/v1/retention/holds", body, "fr", 400);
        assertThat(french)
                .contains("L’incident choisi n’est pas au registre des incidents de confidentialité.")
                .contains("La plainte choisie n’est pas un dossier de plainte.");
        assertThat(activeHolds()).doesNotContain(marker);

        var incident = incident("Synthetic incident " + marker);
        var complaint = complaint("Synthetic complaint " + marker);
        hold(officerBearer(), Map.of("connector", connector, "reason", marker, "incident", incident));
        hold(officerBearer(), Map.of("connector", connector, "reason", marker, "complaint", complaint));
        assertThat(activeHolds()).contains(incident).contains(complaint);
        var auditor = bearer(Role.AUDITOR);
        send(
                auditor,
                "/api/v1/retention/holds",
                JSON.writeValueAsString(Map.of("connector", connector, "reason", "r", "incident", incident)),
                "en",
                403);
    }

    @Test
    void theConsoleOffersIncidentsAndComplaintsByTitleRefusesAnUnknownOneAndLinksTheHoldToTheirPages()
            throws Exception {
        var marker = UUID.randomUUID().toString().substring(0, 8);
        var incident = incident("Stolen tablet " + marker);
        var complaint = complaint("Unwanted calls " + marker);
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        assertThat(page(session, "en"))
                .contains("value=\"" + incident + "\"")
                .containsPattern("I-\\d{4}-\\d{5,} — Stolen tablet " + marker + " \\(known since ")
                .contains("value=\"" + complaint + "\"")
                // by its reference too (officer's walk: two complaints of one subject could not be told apart)
                .containsPattern("C-\\d{4}-\\d{5,} — Unwanted calls " + marker + " \\(received on ");

        var refused = mvc.perform(post("/console/retention/holds")
                        .session(session)
                        .with(csrf())
                        .param("connector", connector)
                        .param("incident", UUID.randomUUID().toString())
                        .param("complaint", "not-an-id")
                        .param("reason", "refused " + marker))
                .andReturn();
        assertThat(String.valueOf(refused.getFlashMap().get("refused")))
                .contains("Related incident: The incident chosen is not in the register")
                .contains("Related complaint: The complaint chosen is not a complaint file.");
        assertThat(String.valueOf(refused.getFlashMap().get("holdForm"))).contains("refused " + marker);
        assertThat(activeHolds()).doesNotContain("refused " + marker);

        mvc.perform(post("/console/retention/holds")
                        .session(session)
                        .with(csrf())
                        .param("connector", connector)
                        .param("incident", incident)
                        .param("complaint", complaint)
                        .param("reason", "litigation " + marker))
                .andReturn();
        assertThat(page(session, "en"))
                .contains("href=\"/console/incidents/" + incident + "\"")
                .containsPattern("Incident I-\\d{4}-\\d{5,} “Stolen tablet " + marker + "” \\(known since ")
                .contains("href=\"/console/complaints/" + complaint + "\"")
                .containsPattern("Complaint C-\\d{4}-\\d{5,} “Unwanted calls " + marker + "” \\(received on ");

        var auditor = person(Role.AUDITOR);
        var auditorSession = login(auditor.username(), auditor.password());
        assertThat(page(auditorSession, "en"))
                .contains("href=\"/console/incidents/" + incident + "\"")
                .doesNotContain("/console/complaints/" + complaint)
                .doesNotContain("Unwanted calls " + marker)
                .contains("a complaint (confidential file)");
        var tried = mvc.perform(post("/console/retention/holds")
                        .session(auditorSession)
                        .with(csrf())
                        .param("connector", connector)
                        .param("incident", incident)
                        .param("reason", "auditor " + marker))
                .andReturn()
                .getResponse();
        assertThat(tried.getStatus()).isEqualTo(403);
        for (var id : JsonPath.<List<String>>read(activeHolds(), "$[?(@.reason == 'litigation " + marker + "')].id")) {
            call(post("/api/v1/retention/holds/" + id + "/release").header("Authorization", officerBearer()), 200);
        }
    }
}
