package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;

/**
 * The dashboard says which policy versions wait for the person in charge's approval and which approved ones wait to
 * be published (officer's walk: nothing did), each figure opening the policies page filtered to exactly what it counts.
 */
class PolicyTileTest extends GovernanceTestSupport {

    @Test
    void aVersionInReviewIsCountedToApproveThenToPublishAndEachFigureListsWhatItCounts() throws Exception {
        int n = openDraft();
        send(officerBearer(), POLICIES + "/versions/" + n + "/review", null).andExpect(status().isOk());
        var officer = as(Role.PRIVACY_OFFICER);
        assertFigureListsWhatItCounts(officer, "to-approve", "REVIEW", "à approuver");

        send(officerBearer(), POLICIES + "/versions/" + n + "/approve", null).andExpect(status().isOk());
        assertFigureListsWhatItCounts(officer, "to-publish", "APPROVED", "à publier");
        assertThat(consolePage("/console/governance/policies?show=to-approve", officer))
                .doesNotContain("data-policy=\"privacy-policy\"");

        assertThat(consolePage("/console", as(Role.STAFF))).doesNotContain("?show=to-approve");
        assertThat(consolePage("/console/governance/policies?show=nonsense", officer))
                .as("an unknown filter shows every policy")
                .doesNotContain("id=\"policies-shown\"")
                .contains("data-policy=\"privacy-policy\"");
    }

    private void assertFigureListsWhatItCounts(MockHttpSession officer, String show, String status, String words)
            throws Exception {
        var link = "/console/governance/policies?show=" + show;
        var dashboard = consolePage("/console", officer);
        var at = dashboard.indexOf("href=\"" + link + "\"");
        assertThat(at).as("the dashboard links %s", link).isPositive();
        var label = dashboard.substring(dashboard.indexOf('>', at) + 1, dashboard.indexOf("</a>", at));
        assertThat(label).contains(words);

        var list = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/policies")
                                .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> counted = JsonPath.read(list, "$[?(@.lastStatus=='" + status + "')].id");
        assertThat(label).startsWith(counted.size() + " ");
        var page = consolePage(link, officer);
        assertThat(page).contains("id=\"policies-shown\"").contains("data-policy=\"privacy-policy\"");
        assertThat(page.split("data-policy=\"", -1).length - 1).isEqualTo(counted.size());
    }
}
