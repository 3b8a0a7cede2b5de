package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;

/**
 * First start without {@code GARDIEN_BOOTSTRAP_PASSWORD}: {@code officer} gets a random one-time password, printed
 * once, and must choose a new one before using the console or issuing tokens. Its own application context, since the
 * other tests configure a bootstrap password; the output capture starts before that context, so the password printed
 * at start-up is visible here. The methods run in order: the password change comes last.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = "gardien.organization.bootstrap-password=")
class FirstStartTest extends WebTestSupport {

    private static final Pattern ONE_TIME = Pattern.compile("'officer' with one-time password (\\S+)");

    /** Read from the start-up output once. */
    private static String oneTimePassword;

    private String oneTimePassword(CapturedOutput output) {
        if (oneTimePassword == null) {
            var matcher = ONE_TIME.matcher(output.getAll());
            assertThat(matcher.find())
                    .as("the one-time password is printed at first start")
                    .isTrue();
            oneTimePassword = matcher.group(1);
        }
        return oneTimePassword;
    }

    @Autowired
    AccountBootstrap bootstrap;

    @Test
    @Order(1)
    void createsTheOfficerWithARandomOneTimePassword(CapturedOutput output) {
        var password = oneTimePassword(output);
        var officer = accounts.byUsername(OFFICER).orElseThrow();

        assertThat(password).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(OFFICER_PASSWORD);
        assertThat(officer.mustChangePassword()).isTrue();
        assertThat(officer.roles()).containsExactly(Role.PRIVACY_OFFICER);
        assertThat(officer.displayName())
                .as("named by its username, in no language, until renamed (officer's review: French on English pages)")
                .isEqualTo(OFFICER);
        assertThat(output.getAll().split(Pattern.quote(password), -1))
                .as("printed exactly once")
                .hasSize(2);
    }

    @Test
    @Order(1)
    void keepsTheHolderOfTheOneTimePasswordOnThePasswordPage(CapturedOutput output) throws Exception {
        var session = login(OFFICER, oneTimePassword(output));

        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/password"));
        mvc.perform(get("/console/tokens").session(session)).andExpect(redirectedUrl("/console/password"));
        mvc.perform(get("/console/accounts").session(session)).andExpect(redirectedUrl("/console/password"));
        mvc.perform(get("/console/password").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("class=\"notice\"")));
    }

    @Test
    @Order(1)
    void refusesTokensToTheHolderOfTheOneTimePassword(CapturedOutput output) throws Exception {
        mvc.perform(post("/api/v1/tokens")
                        .with(httpBasic(OFFICER, oneTimePassword(output)))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ci\",\"roles\":[\"PRIVACY_OFFICER\"]}"))
                .andExpect(problem(403, "password-change-required"));
    }

    @Test
    @Order(3)
    void opensTheConsoleAndTheApiOnceThePasswordIsChanged(CapturedOutput output) throws Exception {
        var oneTime = oneTimePassword(output);
        var session = login(OFFICER, oneTime);
        var chosen = "my-own-chosen-passphrase";

        mvc.perform(post("/console/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", oneTime)
                        .param("newPassword", chosen)
                        .param("confirmPassword", chosen))
                .andExpect(redirectedUrl("/login?changed"));

        assertThat(accounts.byUsername(OFFICER).orElseThrow().mustChangePassword())
                .isFalse();
        MockHttpSession fresh = login(OFFICER, chosen);
        mvc.perform(get("/console").session(fresh)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/tokens")
                        .with(httpBasic(OFFICER, chosen))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"ci\",\"roles\":[\"PRIVACY_OFFICER\"]}"))
                .andExpect(status().isCreated());
        var entry = awaitLedgerEntry("account.password-changed", officerId());
        assertThat(actorId(entry)).isEqualTo(officerId().toString());
    }

    @Test
    @Order(1)
    void hasNoOrganizationProfileYet() throws Exception {
        mvc.perform(get("/api/v1/organization").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get("/privacy/contact"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("pas encore configuré")));
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("pas encore configuré")));
    }

    @Test
    @Order(2)
    void doesNotCreateASecondOfficerOnTheNextStart(CapturedOutput output) {
        var password = oneTimePassword(output);
        var before = accounts.all();

        bootstrap.run(null);

        assertThat(accounts.all()).isEqualTo(before);
        assertThat(ONE_TIME.matcher(output.getAll()).results().count()).isEqualTo(1);
        assertThat(password).isNotBlank();
    }
}
