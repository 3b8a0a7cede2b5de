package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.TestPasswords;
import ca.gardien.support.WebTestSupport;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Requests carrying a (synthetic) person's name and email, accepted or refused, leave neither in the log output.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalInformationStaysOutOfLogsTest extends WebTestSupport {

    private static final String NAME = "Philomène Quartzberg";
    private static final String EMAIL = "philomene.quartzberg@example.test";

    private void putProfile(String bearer, String json, int expectedStatus) throws Exception {
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().is(expectedStatus));
    }

    private static void assertNoPersonalInformation(CapturedOutput output) {
        var all = output.getAll();
        assertThat(all).doesNotContain(NAME).doesNotContain("Philomène").doesNotContain("Quartzberg");
        assertThat(all).doesNotContain(EMAIL).doesNotContain("philomene.quartzberg");
    }

    @Test
    void anAcceptedProfileWithANameAndEmailIsNotLogged(CapturedOutput output) throws Exception {
        var officer = officerBearer();

        putProfile(officer, profileJson("Org", NAME, EMAIL, NAME), 200);
        mvc.perform(get("/api/v1/organization").header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isOk());
        mvc.perform(get("/privacy/contact")).andExpect(status().isOk());
        awaitLedgerEntry("organization.profile-updated", e -> true);

        assertNoPersonalInformation(output);
    }

    @Test
    void refusedRequestsCarryingANameAndEmailAreNotLogged(CapturedOutput output) throws Exception {
        var officer = officerBearer();

        // validation errors: the email where a name belongs and the other way round
        putProfile(
                officer,
                profileJson("Org", EMAIL, NAME, null).replace("\"+1 555 010 0000\"", "\"" + EMAIL + "\""),
                400);
        // a value of the wrong JSON type, and malformed JSON
        putProfile(officer, "{\"legalName\":\"" + NAME + "\",\"address\":\"" + EMAIL + "\"}", 400);
        putProfile(officer, "{\"legalName\":\"" + NAME + "\",\"personInCharge\":{\"email\":\"" + EMAIL, 400);
        // a forbidden write
        putProfile(bearer(Role.AUDITOR), profileJson("Org", NAME, EMAIL, null), 403);
        // an account whose username is an email address
        mvc.perform(post("/api/v1/accounts")
                        .header(HttpHeaders.AUTHORIZATION, officer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"username":"%s","displayName":"%s","password":"a-long-enough-password","roles":["STAFF"]}""".formatted(EMAIL, NAME)))
                .andExpect(status().isBadRequest());
        // an unknown path that contains the email
        mvc.perform(get("/api/v1/people/" + EMAIL).header(HttpHeaders.AUTHORIZATION, officer))
                .andExpect(status().isNotFound());

        assertNoPersonalInformation(output);
    }

    @Test
    void failedLoginsWithAnEmailAsUsernameAreNotLogged(CapturedOutput output) throws Exception {
        mvc.perform(post("/login")
                        .param("username", EMAIL)
                        .param("password", NAME)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/v1/tokens").with(httpBasic(EMAIL, NAME))).andExpect(status().isUnauthorized());

        assertNoPersonalInformation(output);
    }

    @Test
    void lockingTheAccountOfANamedPersonLogsOnlyItsId(CapturedOutput output) throws Exception {
        var username = unique("named");
        var account = accounts.create(username, NAME, TestPasswords.fresh("initial"), Set.of(Role.STAFF), Actor.SYSTEM);

        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login")
                            .param("username", username)
                            .param("password", EMAIL)
                            .with(csrf()))
                    .andExpect(redirectedUrl("/login?error"));
        }

        // The capture works: the lock is logged, by account id.
        assertThat(output.getAll()).contains("Account " + account.id() + " locked");
        assertNoPersonalInformation(output);
    }

    @Test
    void consoleFormsCarryingANameAndEmailAreNotLogged(CapturedOutput output) throws Exception {
        var session = login(OFFICER, OFFICER_PASSWORD);

        mvc.perform(post("/console/organization")
                        .session(session)
                        .with(csrf())
                        .param("legalName", "Org")
                        .param("neq", EMAIL)
                        .param("officerName", NAME)
                        .param("officerEmail", NAME))
                .andExpect(status().isOk());
        mvc.perform(post("/console/accounts")
                        .session(session)
                        .with(csrf())
                        .param("username", EMAIL)
                        .param("displayName", NAME)
                        .param("password", "a-long-enough-password")
                        .param("roles", "STAFF"))
                .andExpect(status().isOk());
        mvc.perform(post("/console/tokens").session(session).with(csrf()).param("name", NAME))
                .andExpect(status().isOk());
        // values that do not even convert to the parameter's type
        mvc.perform(post("/console/accounts")
                        .session(session)
                        .with(csrf())
                        .param("username", "valid-name")
                        .param("displayName", NAME)
                        .param("password", "a-long-enough-password")
                        .param("roles", EMAIL))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/console/accounts/{id}/disable", EMAIL)
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/console/ledger").param("before", NAME).session(session))
                .andExpect(status().isBadRequest());

        assertNoPersonalInformation(output);
    }

    /**
     * The MariaDB driver logged every server error at WARN with its text, which quotes the row: a connector's duplicate
     * key put the person's email in the log (review of the integrity mapping). Its logger is raised to ERROR.
     */
    @Test
    void aMariaDbErrorQuotingARowIsNotLogged(CapturedOutput output) throws Exception {
        var url = System.getenv("GARDIEN_TEST_MARIADB_URL");
        org.junit.jupiter.api.Assumptions.assumeTrue(url != null, "GARDIEN_TEST_MARIADB_URL is not set: no MariaDB");
        try (var connection = java.sql.DriverManager.getConnection(url);
                var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS gardien_logs");
            statement.execute("USE gardien_logs");
            statement.execute("CREATE TEMPORARY TABLE pi_log (email VARCHAR(100) PRIMARY KEY)");
            statement.execute("INSERT INTO pi_log VALUES ('" + EMAIL + "')");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> statement.execute("INSERT INTO pi_log VALUES ('" + EMAIL + "')"))
                    .isInstanceOf(java.sql.SQLException.class);
        }
        assertNoPersonalInformation(output);
    }
}
