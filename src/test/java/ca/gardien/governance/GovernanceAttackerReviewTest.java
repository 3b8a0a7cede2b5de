package ca.gardien.governance;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import ca.gardien.organization.Role;
import org.junit.jupiter.api.Test;

/**
 * The attacker's review of issue 18: an unknown or malformed policy's JSON is a 404 problem (it was an empty body), and
 * a campaign for auditors, who change nothing and so could never acknowledge, is refused naming the field.
 */
class GovernanceAttackerReviewTest extends GovernanceTestSupport {

    @Test
    void anUnknownPolicysJsonIsANotFoundProblemInTheCallersLanguage() throws Exception {
        mvc.perform(get("/privacy/policies/NOPE.json"))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("NOPE"))));
        mvc.perform(get("/privacy/policies/nothing-here.json").header("Accept-Language", "en"))
                .andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("policy")));
    }

    @Test
    void aCampaignForAuditorsIsRefusedAndSaysWhy() throws Exception {
        clock.setDay("2032-05-01");
        for (var roles : new String[] {"[\"AUDITOR\"]", "[\"STAFF\",\"AUDITOR\"]"}) {
            send(officerBearer(), TrainingApiTest.CAMPAIGNS, """
                    {"title":"Lecture","module":"Hameçonnage","roles":%s,"dueOn":"2032-05-10"}""".formatted(roles))
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("roles"))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value(org.hamcrest.Matchers.containsString("vérificateurs")));
        }
        send(bearer(Role.AUDITOR), TrainingApiTest.CAMPAIGNS, "{}").andExpect(problem(403, "forbidden"));
    }
}
