package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/**
 * Reviewers: a closed entry refused the supplements to the Commission's notice, though the Commission may ask for more
 * after the entry is closed. They are recorded on a closed entry, by the API and the entry's page; nothing else is.
 */
@Import(IncidentsTestConfiguration.class)
class ClosedIncidentSupplementTest extends WebTestSupport {

    @Test
    void supplementsToTheCommissionAreRecordedOnAClosedEntryAndNothingElseIs() throws Exception {
        var calls = new IncidentCalls(mvc);
        var id = calls.create(officerBearer(), """
                {"title": "Misdirected file", "kind": "COMMUNICATION", "occurredOn": "2026-11-18",
                 "awareAt": "2026-11-21T09:00:00-05:00", "circumstances": "A file was sent to the wrong supplier.",
                 "piDescription": "Names and diagnoses", "personsCount": 120}""");
        var base = "/api/v1/incidents/" + id;
        calls.send(HttpMethod.POST, officerBearer(), base + "/assessment", """
                {"sensitivity": "HIGH", "sensitivityReason": "health information",
                 "consequences": "HIGH", "consequencesReason": "discrimination",
                 "likelihood": "MEDIUM", "likelihoodReason": "the supplier has not confirmed destruction",
                 "consultedOn": "2026-11-22", "consultationNote": "agreed"}""", 200);
        calls.send(HttpMethod.POST, officerBearer(), base + "/measures", """
                {"kind": "CONTAINMENT", "description": "Asked the supplier to destroy the file", "owner": "IT",
                 "doneOn": "2026-11-21"}""", 200);
        calls.send(HttpMethod.POST, officerBearer(), base + "/notices", """
                {"caiNoticeOn": "2026-11-23", "personsNoticeOn": "2026-11-24", "publicNotice": false}""", 200);
        calls.send(HttpMethod.POST, officerBearer(), base + "/close", "", 200);

        var listed = calls.send(HttpMethod.POST, officerBearer(), base + "/notices/commission/supplements", """
                {"sentOn": "2026-11-25", "information": "Nombre de personnes révisé : 130"}""", 200);
        assertThat(listed).contains("Nombre de personnes révisé : 130");
        awaitLedgerEntry("incidents.supplement-recorded", id);
        calls.send(HttpMethod.POST, officerBearer(), base + "/notices", """
                {"caiNoticeOn": "2026-11-24", "publicNotice": false}""", 409); // the rest stays closed

        var session = login(OFFICER, OFFICER_PASSWORD);
        var path = "/console/incidents/" + id;
        var page = mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"supplement-form\"").doesNotContain("id=\"notices-form\"");
        mvc.perform(post(path + "/supplements")
                        .session(session)
                        .with(csrf())
                        .param("sentOn", "2026-11-26")
                        .param("information", "Mesures complétées le 26."))
                .andExpect(status().is3xxRedirection());
        var after = calls.send(HttpMethod.GET, officerBearer(), base + "/notices/commission/supplements", "", 200);
        assertThat(after).contains("Mesures complétées le 26.");
    }
}
