package ca.gardien.governance;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Records made at the same instant keep the order they were stored in (they used to tie on a random id): the second
 * substitute designated in the same second is the one who acts, and an absence withdrawn in the same second is.
 */
class OfficerRecordOrderTest extends GovernanceTestSupport {

    static final String PATH = "/api/v1/governance/person-in-charge";

    @Test
    void theRecordStoredLastDecidesEvenAtTheSameInstant() throws Exception {
        var officer = officerBearer();
        for (int round = 1; round <= 6; round++) {
            var day = java.time.LocalDate.parse("2034-01-10").plusDays(round * 3L);
            clock.setDay(day.toString()); // a fixed clock: every record of the round has the same time
            for (var name : new String[] {"Ari Premier " + round, "Bo Second " + round}) {
                send(officer, PATH + "/substitute", """
                        {"name":"%s","title":"Président","accountId":"%s","startsOn":"2026-01-01"}""".formatted(
                                        name, person(Role.DELEGATE).id()))
                        .andExpect(status().isCreated());
            }
            var absence = com.jayway.jsonpath.JsonPath.<String>read(
                    send(officer, PATH + "/absences", """
                                    {"startsOn":"%s","endsOn":"%s"}""".formatted(day, day.plusDays(1)))
                            .andExpect(status().isCreated())
                            .andReturn()
                            .getResponse()
                            .getContentAsString(),
                    "$.id");
            mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, officer))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.substitute").value(true))
                    .andExpect(jsonPath("$.acting.name").value("Bo Second " + round));
            send(officer, PATH + "/absences/" + absence + "/end", """
                    {"endsOn":"%s"}""".formatted(
                                    day.minusDays(1))) // withdrawn in the same second
                    .andExpect(status().isOk());
            mvc.perform(get(PATH).header(HttpHeaders.AUTHORIZATION, officer))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.substitute").value(false));
        }
    }
}
