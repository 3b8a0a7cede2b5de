package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The password rule where passwords are chosen: account creation over the API (a problem naming the field, in the
 * language asked for) and in the console, the password page and the first-start forced change (the page's language).
 */
class PasswordRulePagesTest extends WebTestSupport {

    private ResultActions createOverApi(String username, String password, String language) throws Exception {
        var request = post("/api/v1/accounts")
                .header(HttpHeaders.AUTHORIZATION, officerBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"username":"%s","displayName":"D","password":"%s","roles":["STAFF"]}""".formatted(username, password));
        return mvc.perform(language == null ? request : request.header(HttpHeaders.ACCEPT_LANGUAGE, language));
    }

    private static String victim() {
        return "victim" + ThreadLocalRandom.current().nextInt(10_000, 99_999);
    }

    @Test
    void theApiRefusesOneCharacterRepeatedNamingTheFieldWithoutEchoingIt() throws Exception {
        createOverApi(unique("p"), "aaaaaaaaaaaa", "en")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be a repeated character or pattern"))
                .andExpect(jsonPath("$.rule").value("repetitive"))
                .andExpect(content().string(not(containsString("aaaaaaaaaaaa"))));
    }

    @Test
    void theApiAnswersInFrenchWhenTheClientAsksForNoLanguage() throws Exception {
        createOverApi(unique("p"), "aaaaaaaaaaaa", null)
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.detail").value("La requête a des champs invalides."))
                .andExpect(jsonPath("$.errors[0].message").value("ne doit pas être un caractère ou un motif répété"));
    }

    @Test
    void theApiRefusesAPasswordContainingTheUsernameInFrenchWhenAsked() throws Exception {
        var username = victim();

        createOverApi(username, username + username, "fr-CA,fr;q=0.9")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value("ne doit pas contenir le nom d’utilisateur"))
                .andExpect(jsonPath("$.rule").value("username"));
        assertThat(accounts.byUsername(username)).isEmpty();
    }

    @Test
    void theApiRefusesAPasswordOfThePublishedLists() throws Exception {
        createOverApi(unique("p"), "iloveyou1234", "en")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.rule").value("common"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("is a common password found in published password lists"));
    }

    @Test
    void theApiAcceptsAPassphrase() throws Exception {
        createOverApi(unique("p"), "correct horse battery staple", null).andExpect(status().isCreated());
    }

    /**
     * Officer's review: "julie12345678" was taken as an initial password although the hint says that simple sequences
     * are refused. The same rule on every path that sets a password: creation (API and console), the holder's change,
     * an officer's reset (the bootstrap password: {@code BootstrapPasswordTest}).
     */
    @Test
    void aPasswordHoldingASequenceIsRefusedOnEveryPathThatSetsOne() throws Exception {
        var sequence = "julie12345678";
        createOverApi(unique("p"), sequence, "en")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.rule").value("sequence"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("must not contain a simple sequence such as abcd, 1234, 4321 or qwert"));
        var officer = login(OFFICER, OFFICER_PASSWORD);
        var username = unique("p");
        mvc.perform(post("/console/accounts")
                        .session(officer)
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "Julie")
                        .param("password", sequence)
                        .param("roles", "STAFF"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ne doit pas contenir de suite simple")));
        assertThat(accounts.byUsername(username)).isEmpty();

        var person = person(Role.STAFF);
        mvc.perform(post("/console/password")
                        .session(login(person.username(), person.password()))
                        .with(csrf())
                        .param("currentPassword", person.password())
                        .param("newPassword", sequence)
                        .param("confirmPassword", sequence))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ne doit pas contenir de suite simple")));
        mvc.perform(post("/api/v1/accounts/" + person.id() + "/password-reset")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"password\":\"" + sequence + "\"}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.rule").value("sequence"));
        login(person.username(), person.password()); // still the password they chose
    }

    /** Officer's review: no role and a refused password said only the role; the password came on the next try. */
    @Test
    void theAccountFormShowsEveryErrorAtOnce() throws Exception {
        var username = unique("p");
        var page = mvc.perform(post("/console/accounts")
                        .session(login(OFFICER, OFFICER_PASSWORD))
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", " ")
                        .param("password", "julie12345678"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("data-field=\"displayName\"", "data-field=\"password\"", "data-field=\"roles\"")
                .contains("Le mot de passe initial ne doit pas contenir de suite simple")
                // the reset form's hint says the same rules hold (helper's note after the officer's review)
                .contains("aux mêmes règles que tout mot de passe (ni mot de passe courant, ni nom d’utilisateur, ni"
                        + " suite simple comme abcd, 1234 ou azert)")
                .doesNotContain("julie12345678");
        createOverApi(username, "julie12345678", "en") // the API, once its required fields are there
                .andExpect(jsonPath("$.rule").value("sequence"));
        mvc.perform(post("/api/v1/accounts")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"Not Valid","displayName":"D","password":"julie12345678","roles":["STAFF"]}"""))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("username", "password")))
                .andExpect(jsonPath("$.rule").value("sequence"));
        assertThat(accounts.byUsername(username)).isEmpty();
    }

    @Test
    void theAccountFormShowsWhyInThePagesLanguage() throws Exception {
        var username = victim();

        mvc.perform(post("/console/accounts")
                        .session(login(OFFICER, OFFICER_PASSWORD))
                        .with(csrf())
                        .param("username", username)
                        .param("displayName", "Victime")
                        .param("password", username + username)
                        .param("roles", "STAFF"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ne doit pas contenir le nom d’utilisateur")))
                .andExpect(content().string(not(containsString(username + username))));
        assertThat(accounts.byUsername(username)).isEmpty();
    }

    @Test
    void thePasswordPageRefusesACommonPasswordAndTakesAPassphrase() throws Exception {
        var person = person(Role.AUDITOR);
        var session = login(person.username(), person.password());

        mvc.perform(post("/console/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", person.password())
                        .param("newPassword", "iloveyou1234")
                        .param("confirmPassword", "iloveyou1234"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("newPassword")))
                .andExpect(content().string(containsString("listes publiées de mots de passe courants")));

        mvc.perform(post("/console/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", person.password())
                        .param("newPassword", "quatre chevaux dans la neige")
                        .param("confirmPassword", "quatre chevaux dans la neige"))
                .andExpect(redirectedUrl("/login?changed"));
    }

    @Test
    void theForcedChangeAtFirstSignInAppliesTheRuleToo() throws Exception {
        var newcomer = newcomer(Role.STAFF);
        var session = login(newcomer.username(), newcomer.password());

        mvc.perform(post("/console/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", newcomer.password())
                        .param("newPassword", "abcdefghijklmnop")
                        .param("confirmPassword", "abcdefghijklmnop"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ne doit pas contenir de suite simple")));
        assertThat(accounts.byId(newcomer.id()).mustChangePassword()).isTrue();
    }
}
