package ca.gardien.opencompliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.Requests;
import ca.gardien.shared.ErrorPages;
import ca.gardien.support.TestPasswords;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Attacker's review F3: a controller's token belonged to a STAFF account, so it also read the whole request queue
 * through {@code /api/v1} and cancelled other controllers' requests. A CONTROLLER account's tokens reach the
 * OpenCompliance request routes and their own tokens, nothing else; its console sign-in opens only its password page.
 */
class ControllerRoleTest extends WebTestSupport {

    private static final String SUBMIT = "/opencompliance/v1/opencompliance_requests";

    @Autowired
    Requests requests;

    @Test
    void aControllersTokenSubmitsReadsAndCancelsItsOwnRequestUnderEverySpelling() throws Exception {
        var controller = person(Role.CONTROLLER);
        var bearer = bearerFor(controller.id(), Role.CONTROLLER);
        for (var base : List.of(
                "/opencompliance/v1/opencompliance_requests",
                "/opencompliance/v1/opengdpr_requests",
                "/opengdpr/v1/opengdpr_requests",
                "/opengdpr/v1/opencompliance_requests")) {
            var id = UUID.randomUUID();
            submit(base, id, bearer)
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.controller_id").value(controller.id().toString()));
            mvc.perform(get(base + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.request_status").value("pending"));
            mvc.perform(delete(base + "/" + id).header(HttpHeaders.AUTHORIZATION, bearer))
                    .andExpect(status().isAccepted());
        }
    }

    @Test
    void aControllersTokenReadsNoQueueCancelsNoRequestAndReadsNoMetrics() throws Exception {
        var other = person(Role.CONTROLLER);
        var id = UUID.randomUUID();
        var otherBearer = bearerFor(other.id(), Role.CONTROLLER);
        submit(SUBMIT, id, otherBearer).andExpect(status().isCreated());
        var status = mvc.perform(get(SUBMIT + "/" + id).header(HttpHeaders.AUTHORIZATION, otherBearer))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var requestId = UUID.fromString(JsonPath.read(status, "$.extensions.localhost.request_id"));

        var bearer = bearer(Role.CONTROLLER);
        for (var path : List.of("/api/v1/requests", "/api/v1/requests/" + requestId, "/api/v1/organization")) {
            mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, bearer)).andExpect(problem(403, "forbidden"));
        }
        mvc.perform(head("/api/v1/requests").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/requests/" + requestId + "/cancel").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().isOk()); // its own tokens, as every role

        assertThat(requests.get(requestId).status()).isNotEqualTo(RequestStatus.CANCELLED);
        mvc.perform(get("/api/v1/requests").header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(status().isOk()); // people keep the queue
    }

    @Test
    void aHeadOnAControllersPathIsJudgedAsItsGetNotAsAWrite() throws Exception {
        var id = UUID.randomUUID();
        submit(SUBMIT, id, bearer(Role.CONTROLLER)).andExpect(status().isCreated());
        var auditor = bearer(Role.AUDITOR);
        var read = mvc.perform(get(SUBMIT + "/" + id).header(HttpHeaders.AUTHORIZATION, auditor))
                .andReturn()
                .getResponse()
                .getStatus();
        assertThat(read).as("the auditor's read passes the path rule").isNotEqualTo(403);
        mvc.perform(head(SUBMIT + "/" + id).header(HttpHeaders.AUTHORIZATION, auditor))
                .andExpect(status().is(read));
        mvc.perform(delete(SUBMIT + "/" + id).header(HttpHeaders.AUTHORIZATION, auditor))
                .andExpect(status().isForbidden());
    }

    @Test
    void theConsoleTellsAControllerItsAccountIsForTheOpenComplianceApiOnly() throws Exception {
        var controller = person(Role.CONTROLLER);
        // its sign-in lands on the one page it has (officer's walk: it landed on the dashboard's refusal)
        var session = login(controller.username(), controller.password(), "/console/password");

        // the container's page then says the account is for the OpenCompliance API only (ApiOnlyPageTest, on Tomcat)
        for (var page : List.of("/console", "/console/requests", "/console/tokens", "/console/accounts")) {
            mvc.perform(get(page).session(session))
                    .andExpect(status().isForbidden())
                    .andExpect(request().attribute(ErrorPages.API_ONLY, true));
        }
        mvc.perform(post("/console/tokens")
                        .session(session)
                        .with(csrf())
                        .param("name", "console")
                        .param("roles", "CONTROLLER"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/password").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("href=\"/console/requests\""))));
        var staff = person(Role.STAFF);
        mvc.perform(get("/console").session(login(staff.username(), staff.password())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/console/requests\"")));
    }

    /** How a controller's account is set up: the officer creates it, its holder chooses the password, then asks a token. */
    @Test
    void aNewControllerChoosesItsPasswordInTheConsoleThenGetsItsTokenWithHttpBasic() throws Exception {
        var newcomer = newcomer(Role.CONTROLLER);
        var session = login(newcomer.username(), newcomer.password());
        var chosen = TestPasswords.fresh("controller");
        mvc.perform(post("/console/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", newcomer.password())
                        .param("newPassword", chosen)
                        .param("confirmPassword", chosen))
                .andExpect(redirectedUrl("/login?changed"));

        var issued = mvc.perform(post("/api/v1/tokens")
                        .with(httpBasic(newcomer.username(), chosen))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"controller\",\"roles\":[\"CONTROLLER\"]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var bearer = "Bearer " + JsonPath.<String>read(issued, "$.token");
        submit(SUBMIT, UUID.randomUUID(), bearer).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/requests").header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(problem(403, "forbidden"));
    }

    @Test
    void theOfficerCreatesAControllerAccountWhoseRoleIsHeldAlone() throws Exception {
        var officer = officerBearer();
        var username = unique("controller");
        var created = mvc.perform(post("/api/v1/accounts")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(account(username, "[\"CONTROLLER\"]")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.roles[0]").value("CONTROLLER"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var id = JsonPath.<String>read(created, "$.id");

        mvc.perform(post("/api/v1/accounts")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(account(unique("mixed"), "[\"CONTROLLER\",\"STAFF\"]")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        mvc.perform(put("/api/v1/accounts/" + id + "/roles")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roles\":[\"CONTROLLER\",\"AUDITOR\"]}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("roles"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("combined with no other role")));
        assertThat(accounts.byUsername(username).orElseThrow().roles()).containsExactly(Role.CONTROLLER);

        var console = login(OFFICER, OFFICER_PASSWORD);
        var fromForm = unique("form-controller");
        mvc.perform(post("/console/accounts")
                        .session(console)
                        .with(csrf())
                        .param("username", fromForm)
                        .param("displayName", "Système du contrôleur")
                        .param("password", TestPasswords.fresh("initial"))
                        .param("roles", "CONTROLLER"))
                .andExpect(redirectedUrl("/console/accounts"));
        assertThat(accounts.byUsername(fromForm).orElseThrow().roles()).containsExactly(Role.CONTROLLER);
        mvc.perform(get("/console/accounts").param("q", fromForm).session(console))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Contrôleur OpenCompliance (API seulement)")));
    }

    private static String account(String username, String roles) {
        return """
                {"username":"%s","displayName":"Contrôleur","password":"%s","roles":%s}""".formatted(username, TestPasswords.fresh("initial"), roles);
    }

    private org.springframework.test.web.servlet.ResultActions submit(String path, UUID id, String bearer)
            throws Exception {
        return mvc.perform(post(path)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(OpenComplianceApiTest.request(id, "access", "gdpr", OpenComplianceApiTest.email())));
    }
}
