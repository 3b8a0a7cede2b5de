package ca.gardien.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import ca.gardien.shared.Actor;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * The one application context shared by the web tests (Spring caches it, so the suite starts Gardien once per
 * database). The database is shared too: every helper creates accounts and tokens with unique names, and no test may
 * assume global counts.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class WebTestSupport {

    /** The bootstrap account of the test configuration (src/test/resources/config/application.yml). */
    public static final String OFFICER = "officer";

    public static final String OFFICER_PASSWORD = "bootstrap-test-passphrase";

    public static final String PROBLEM_BASE = "https://gardien.ca/problems/";

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected AccountAdministration accounts;

    @Autowired
    protected TokenService tokens;

    /** A person with a password of their own (not a one-time password). */
    protected record Person(UUID id, String username, String password) {}

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates an account whose holder has already replaced the one-time password. */
    protected Person person(Role... roles) {
        var username = unique("p");
        var initial = TestPasswords.fresh("initial");
        var account = accounts.create(username, "Test person", initial, Set.of(roles), Actor.SYSTEM);
        var chosen = TestPasswords.fresh("chosen");
        accounts.changeOwnPassword(account.id(), initial, chosen);
        return new Person(account.id(), username, chosen);
    }

    /** Creates an account that still has the one-time password an officer gave it. */
    protected Person newcomer(Role... roles) {
        var username = unique("n");
        var initial = TestPasswords.fresh("initial");
        var account = accounts.create(username, "Test newcomer", initial, Set.of(roles), Actor.SYSTEM);
        return new Person(account.id(), username, initial);
    }

    protected UUID officerId() {
        return accounts.byUsername(OFFICER).orElseThrow().id();
    }

    /** An {@code Authorization} header value for a new token of a new account holding exactly {@code roles}. */
    protected String bearer(Role... roles) {
        return bearerFor(person(roles).id(), roles);
    }

    protected String bearerFor(UUID accountId, Role... roles) {
        return "Bearer " + issue(accountId, roles).secret();
    }

    /** Issues a token directly through the service (bypassing the HTTP endpoint under test elsewhere). */
    protected TokenService.Issued issue(UUID accountId, Role... roles) {
        return tokens.issue(accountId, unique("token"), Set.of(roles), Actor.SYSTEM);
    }

    /** A token of the bootstrap person in charge. */
    protected String officerBearer() {
        return bearerFor(officerId(), Role.PRIVACY_OFFICER);
    }

    protected static HttpHeaders auth(String bearer) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, bearer);
        return headers;
    }

    /** A valid organization profile body; the acting person is left out when {@code actingName} is null. */
    protected static String profileJson(String legalName, String officerName, String officerEmail, String actingName) {
        var acting = actingName == null ? "" : """
                , "acting": {"name": "%s", "title": "Président", "email": "acting@example.test"}""".formatted(actingName);
        return """
                {"legalName": "%s", "neq": "1234567890",
                 "address": {"street": "1, rue Exemple", "city": "Québec", "province": "Québec",
                             "postalCode": "G1K 1A1", "country": "Canada"},
                 "personInCharge": {"name": "%s", "title": "Directrice des opérations", "email": "%s",
                                    "phone": "+1 555 010 0000"}%s}""".formatted(legalName, officerName, officerEmail, acting);
    }

    /** The response is an RFC 9457 problem of the given status and stable type. */
    protected static ResultMatcher problem(int status, String type) {
        var matchers = List.of(
                status().is(status),
                content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
                jsonPath("$.type").value(PROBLEM_BASE + type),
                jsonPath("$.status").value(status),
                jsonPath("$.title").isString());
        return result -> {
            for (var matcher : matchers) {
                matcher.match(result);
            }
        };
    }

    /** The page at {@code path} as the session's reader gets it (200), its HTML. */
    protected String htmlOf(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Signs in through the login form and returns the authenticated session. */
    protected MockHttpSession login(String username, String password) throws Exception {
        var result = mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf()))
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl())
                        .as("a person lands on the dashboard, a controller's system on its password page")
                        .isIn("/console", "/console/password"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** Signs in and expects to land on {@code landing}. */
    protected MockHttpSession login(String username, String password, String landing) throws Exception {
        var result = mvc.perform(post("/login")
                        .param("username", username)
                        .param("password", password)
                        .with(csrf()))
                .andExpect(redirectedUrl(landing))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /** Every ledger entry, read through the REST API as the person in charge, oldest first. */
    protected List<Map<String, Object>> ledgerEntries(String bearer) throws Exception {
        var all = new ArrayList<Map<String, Object>>();
        Object after = 0;
        while (after != null) {
            var body = mvc.perform(get("/api/v1/ledger/entries")
                            .param("after", String.valueOf(after))
                            .param("limit", "1000")
                            .header(HttpHeaders.AUTHORIZATION, bearer))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            List<Map<String, Object>> page = JsonPath.read(body, "$.entries");
            all.addAll(page);
            after = JsonPath.read(body, "$.nextAfter");
        }
        return all;
    }

    /** Waits (recording is asynchronous) for a ledger entry with this action and object id, and returns it. */
    protected Map<String, Object> awaitLedgerEntry(String action, Object objectId) {
        return awaitLedgerEntry(action, e -> String.valueOf(objectId).equals(e.get("objectId")));
    }

    @SuppressWarnings("unchecked")
    protected Map<String, Object> awaitLedgerEntry(String action, Predicate<Map<String, Object>> matching) {
        var reader = officerBearer();
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .until(
                        () -> ledgerEntries(reader).stream()
                                .filter(e -> action.equals(e.get("action")))
                                .filter(matching)
                                .findFirst()
                                .orElse(null),
                        e -> e != null);
    }

    /** The id of the actor of a ledger entry. */
    @SuppressWarnings("unchecked")
    protected static String actorId(Map<String, Object> entry) {
        return String.valueOf(((Map<String, Object>) entry.get("actor")).get("id"));
    }

    @SuppressWarnings("unchecked")
    protected static String actorKind(Map<String, Object> entry) {
        return String.valueOf(((Map<String, Object>) entry.get("actor")).get("kind"));
    }

    /**
     * What a person reads of a page's HTML, roughly: without the raw entries shown on request ({@code <code data-raw>})
     * and without the attributes (links, data-*), where an id may stay.
     */
    protected static String readAsText(String html) {
        return html.replaceAll("<code[^>]*data-raw[^>]*>[^<]*</code>", "").replaceAll("=\"[^\"]*\"", "");
    }
}
