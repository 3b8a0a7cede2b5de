package ca.gardien.governance;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.MovableClock;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** What the governance tests share: a movable clock, the profile, and bringing the privacy policy to a state. */
@Import(GovernanceTestSupport.Clocks.class)
abstract class GovernanceTestSupport extends WebTestSupport {

    static final String POLICIES = "/api/v1/policies/privacy-policy";

    @Autowired
    MovableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    ResultActions send(String bearer, String path, String json) throws Exception {
        return mvc.perform(post(path)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json == null ? "{}" : json));
    }

    void profile(String officerName) throws Exception {
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(profileJson("Groupe Exemple inc.", officerName, "rp@example.test", "Sam Exemple")))
                .andExpect(status().isOk());
    }

    /** Brings the privacy policy to an open draft (finishing whatever version is open) and returns its number. */
    int openDraft() throws Exception {
        var officer = officerBearer();
        while (true) {
            var list = mvc.perform(get("/api/v1/policies").header(HttpHeaders.AUTHORIZATION, officer))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            int last = JsonPath.<java.util.List<Integer>>read(list, "$[?(@.id=='privacy-policy')].lastVersion")
                    .getFirst();
            String state = JsonPath.<java.util.List<String>>read(list, "$[?(@.id=='privacy-policy')].lastStatus")
                    .getFirst();
            var at = POLICIES + "/versions/" + last;
            switch (state) {
                case "DRAFT" -> {
                    return last;
                }
                case "REVIEW" -> send(officer, at + "/approve", null).andExpect(status().isOk());
                case "APPROVED" -> send(officer, at + "/publish", null).andExpect(status().isOk());
                default -> send(officer, POLICIES + "/versions", null).andExpect(status().isCreated());
            }
        }
    }

    /** Publishes the next version of the privacy policy as the person in charge and returns its number. */
    int publishNext() throws Exception {
        var officer = officerBearer();
        int n = openDraft();
        for (var step : new String[] {"review", "approve", "publish"}) {
            send(officer, POLICIES + "/versions/" + n + "/" + step, null).andExpect(status().isOk());
        }
        return n;
    }

    static class Clocks {
        @org.springframework.context.annotation.Bean
        @org.springframework.context.annotation.Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    /** A new account of this role, signed in. */
    org.springframework.mock.web.MockHttpSession as(ca.gardien.organization.Role role) throws Exception {
        var p = person(role);
        return login(p.username(), p.password());
    }

    /** A console page as this session sees it (200), its text. */
    String consolePage(String path, org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(path)
                        .session(session))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
