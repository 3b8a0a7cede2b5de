package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Managing accounts through {@code /api/v1/accounts}. */
class AccountApiTest extends WebTestSupport {

    private String officer;

    @BeforeEach
    void token() {
        officer = officerBearer();
    }

    private ResultActions create(String json) throws Exception {
        return mvc.perform(post("/api/v1/accounts")
                .header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private ResultActions changeRoles(Object id, String json) throws Exception {
        return mvc.perform(put("/api/v1/accounts/{id}/roles", id)
                .header(HttpHeaders.AUTHORIZATION, officer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    @Test
    void createsAnAccountWhoseHolderMustChangeThePassword() throws Exception {
        var username = unique("new");

        create("""
                        {"username":"%s","displayName":"Dominique","password":"initial-password-1","roles":["DELEGATE"]}""".formatted(username))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isString())
                .andExpect(jsonPath("$.username").value(username))
                .andExpect(jsonPath("$.roles[0]").value("DELEGATE"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.mustChangePassword").value(true))
                .andExpect(jsonPath("$.locked").value(false))
                .andExpect(jsonPath("$.passwordHash").doesNotExist())
                .andExpect(content().string(not(containsString("initial-password-1"))));

        assertThat(accounts.byUsername(username)).hasValueSatisfying(a -> {
            assertThat(a.mustChangePassword()).isTrue();
            assertThat(a.passwordHash()).startsWith("$argon2id$").doesNotContain("initial-password-1");
        });
    }

    @Test
    void rejectsAnAccountWithMissingFieldsNamingEachOfThem() throws Exception {
        create("{}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath(
                        "$.errors[*].field", containsInAnyOrder("displayName", "password", "roles", "username")));
    }

    @Test
    void rejectsAShortPasswordWithoutEchoingIt() throws Exception {
        create("""
                        {"username":"%s","displayName":"D","password":"short-pw","roles":["STAFF"]}""".formatted(unique("pw")))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(content().string(not(containsString("short-pw"))));
    }

    @Test
    void rejectsAUsernameOutsideTheAllowedCharacters() throws Exception {
        create("""
                        {"username":"Jean.Tremblay@example.test","displayName":"D","password":"long-enough-password","roles":["STAFF"]}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("username"))
                .andExpect(content().string(not(containsString("Jean.Tremblay"))));
    }

    @Test
    void rejectsANullRoleInsteadOfFailing() throws Exception {
        create("""
                        {"username":"%s","displayName":"D","password":"long-enough-password","roles":[null]}""".formatted(unique("null")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field", containsString("roles")));
    }

    @Test
    void listsAccountsWithoutPasswordHashes() throws Exception {
        mvc.perform(get("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username", hasItem(OFFICER)))
                .andExpect(content().string(not(containsString("argon2"))));
    }

    @Test
    void replacesTheRolesOfAnAccount() throws Exception {
        var person = person(Role.STAFF);

        changeRoles(person.id(), "{\"roles\":[\"DELEGATE\",\"AUDITOR\"]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.roles", containsInAnyOrder("DELEGATE", "AUDITOR")));

        assertThat(accounts.byId(person.id()).roles()).containsExactlyInAnyOrder(Role.DELEGATE, Role.AUDITOR);
    }

    @Test
    void rejectsAnEmptyOrUnknownRoleSet() throws Exception {
        var person = person(Role.STAFF);

        changeRoles(person.id(), "{\"roles\":[]}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("roles"));
        changeRoles(person.id(), "{\"roles\":[\"OVERLORD\"]}")
                .andExpect(problem(400, "malformed-request"))
                .andExpect(jsonPath("$.errors[0].field", containsString("roles")));
        changeRoles(person.id(), "{\"roles\":[null]}")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(accounts.byId(person.id()).roles()).containsExactly(Role.STAFF);
    }

    @Test
    void changingTheRolesOfAnUnknownAccountIsNotFound() throws Exception {
        changeRoles(UUID.randomUUID(), "{\"roles\":[\"STAFF\"]}").andExpect(problem(404, "not-found"));
    }

    @Test
    void disablesAndEnablesAnAccount() throws Exception {
        var person = person(Role.STAFF);

        mvc.perform(post("/api/v1/accounts/{id}/disable", person.id()).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false));
        assertThat(accounts.byId(person.id()).enabled()).isFalse();

        mvc.perform(post("/api/v1/accounts/{id}/enable", person.id()).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(true));
        assertThat(accounts.byId(person.id()).enabled()).isTrue();
    }

    @Test
    void disablingAnUnknownOrMalformedIdIsAProblem() throws Exception {
        mvc.perform(post("/api/v1/accounts/{id}/disable", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(404, "not-found"));
        mvc.perform(post("/api/v1/accounts/{id}/enable", "nobody").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
    }

    @Test
    void refusesToDemoteOrDisableTheLastEnabledPrivacyOfficer() throws Exception {
        var others = accounts.all().stream()
                .filter(a -> a.enabled() && a.hasRole(Role.PRIVACY_OFFICER) && !a.id().equals(officerId()))
                .toList();
        others.forEach(a -> accounts.setEnabled(a.id(), false, ca.gardien.shared.Actor.SYSTEM));
        try {
            changeRoles(officerId(), "{\"roles\":[\"DELEGATE\"]}").andExpect(problem(409, "conflict"));
            mvc.perform(post("/api/v1/accounts/{id}/disable", officerId()).header(HttpHeaders.AUTHORIZATION, officer))
                    .andExpect(problem(409, "conflict"));
            assertThat(accounts.byId(officerId()).hasRole(Role.PRIVACY_OFFICER)).isTrue();
            assertThat(accounts.byId(officerId()).enabled()).isTrue();

            var successor = person(Role.PRIVACY_OFFICER);
            changeRoles(officerId(), "{\"roles\":[\"PRIVACY_OFFICER\",\"DELEGATE\"]}")
                    .andExpect(status().isOk());
            mvc.perform(post("/api/v1/accounts/{id}/disable", successor.id())
                            .header(HttpHeaders.AUTHORIZATION, officer))
                    .andExpect(status().isOk());
        } finally {
            others.forEach(a -> accounts.setEnabled(a.id(), true, ca.gardien.shared.Actor.SYSTEM));
        }
    }
}
