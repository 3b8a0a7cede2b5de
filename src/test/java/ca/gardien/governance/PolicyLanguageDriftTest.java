package ca.gardien.governance;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Editing only the French of a section warns that its English was left as it was, on the version page until approval;
 * a version in review no longer offers its sections for editing.
 */
class PolicyLanguageDriftTest extends GovernanceTestSupport {

    @Test
    void aSectionChangedInFrenchOnlyIsListedAndAVersionInReviewIsNotEditable() throws Exception {
        publishNext();
        int n = openDraft();
        var page = "/console/governance/policies/privacy-policy/versions/" + n;
        var session = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(get(page).session(session))
                .andExpect(content().string(not(containsString("La version anglaise de la section"))))
                .andExpect(content().string(containsString("id=\"edit-s15\"")));
        var json = mvc.perform(get(POLICIES + "/versions/" + n).header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String at = "$.sections[?(@.key=='s15')].";
        mvc.perform(post(page + "/sections/s15")
                        .session(session)
                        .with(csrf())
                        .param(
                                "headingFr",
                                JsonPath.<java.util.List<String>>read(json, at + "headingFr")
                                        .getFirst())
                        .param(
                                "headingEn",
                                JsonPath.<java.util.List<String>>read(json, at + "headingEn")
                                        .getFirst())
                        .param(
                                "fr",
                                JsonPath.<java.util.List<String>>read(json, at + "templateFr")
                                                .getFirst() + " " + unique("ajout"))
                        .param(
                                "en",
                                JsonPath.<java.util.List<String>>read(json, at + "templateEn")
                                        .getFirst()))
                .andExpect(flash().attributeExists("done"));
        mvc.perform(get(page).session(session))
                .andExpect(content().string(containsString("La version anglaise de la section « ")));
        send(officerBearer(), POLICIES + "/versions/" + n + "/review", null).andExpect(status().isOk());
        mvc.perform(get(page).session(session))
                .andExpect(content().string(containsString("La version anglaise de la section « ")))
                .andExpect(content().string(not(containsString("id=\"edit-s15\""))));
    }
}
