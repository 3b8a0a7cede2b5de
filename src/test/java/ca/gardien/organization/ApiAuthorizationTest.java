package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Who may call which REST endpoint: bearer tokens only, roles checked, every refusal a problem document. */
class ApiAuthorizationTest extends WebTestSupport {

    /** One call of an endpoint, with a body that would be accepted from an authorized caller. */
    record Call(HttpMethod method, String path, String body) {

        MockHttpServletRequestBuilder builder() {
            var builder = request(method, path);
            return body == null
                    ? builder
                    : builder.contentType(MediaType.APPLICATION_JSON).content(body);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final String SOME_ID = UUID.randomUUID().toString();

    static Stream<Call> writesOfThePersonInCharge() {
        return Stream.of(
                new Call(HttpMethod.POST, "/api/v1/accounts", """
                        {"username":"x-%s","displayName":"X","password":"a-long-enough-password","roles":["STAFF"]}""".formatted(
                                UUID.randomUUID().toString().substring(0, 8))),
                new Call(HttpMethod.PUT, "/api/v1/accounts/" + SOME_ID + "/roles", "{\"roles\":[\"STAFF\"]}"),
                new Call(HttpMethod.POST, "/api/v1/accounts/" + SOME_ID + "/disable", null),
                new Call(HttpMethod.POST, "/api/v1/accounts/" + SOME_ID + "/enable", null),
                new Call(HttpMethod.PUT, "/api/v1/organization", profileJson("Org", "Name", "n@example.test", null)));
    }

    static Stream<Call> ledgerReads() {
        return Stream.of(
                new Call(HttpMethod.GET, "/api/v1/ledger/entries", null),
                new Call(HttpMethod.GET, "/api/v1/ledger/verify", null),
                new Call(HttpMethod.GET, "/api/v1/ledger/export", null),
                new Call(HttpMethod.GET, "/api/v1/ledger/public-key", null));
    }

    static Stream<Call> everyEndpoint() {
        return Stream.concat(
                Stream.concat(writesOfThePersonInCharge(), ledgerReads()),
                Stream.of(
                        new Call(HttpMethod.GET, "/api/v1/accounts", null),
                        new Call(HttpMethod.GET, "/api/v1/organization", null),
                        new Call(HttpMethod.GET, "/api/v1/tokens", null),
                        new Call(HttpMethod.POST, "/api/v1/tokens", "{\"name\":\"ci\",\"roles\":[\"STAFF\"]}"),
                        new Call(HttpMethod.DELETE, "/api/v1/tokens/" + SOME_ID, null)));
    }

    @ParameterizedTest
    @MethodSource("everyEndpoint")
    void refusesACallWithoutAToken(Call call) throws Exception {
        mvc.perform(call.builder())
                .andExpect(problem(401, "unauthenticated"))
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Bearer")));
    }

    @ParameterizedTest
    @MethodSource("everyEndpoint")
    void refusesAnUnknownToken(Call call) throws Exception {
        mvc.perform(call.builder().header(HttpHeaders.AUTHORIZATION, "Bearer gdn_thisTokenWasNeverIssued"))
                .andExpect(problem(401, "unauthenticated"));
        mvc.perform(call.builder().header(HttpHeaders.AUTHORIZATION, "Bearer not-even-a-gardien-token"))
                .andExpect(problem(401, "unauthenticated"));
    }

    @ParameterizedTest
    @MethodSource("writesOfThePersonInCharge")
    void refusesWritesWithAnAuditorToken(Call call) throws Exception {
        mvc.perform(call.builder().header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(problem(403, "forbidden"));
    }

    @ParameterizedTest
    @MethodSource("writesOfThePersonInCharge")
    void refusesWritesOfThePersonInChargeToDelegatesAndStaff(Call call) throws Exception {
        mvc.perform(call.builder().header(HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(call.builder().header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(problem(403, "forbidden"));
    }

    @ParameterizedTest
    @MethodSource("ledgerReads")
    void refusesTheLedgerToStaff(Call call) throws Exception {
        mvc.perform(call.builder().header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(problem(403, "forbidden"));
    }

    @ParameterizedTest
    @MethodSource("ledgerReads")
    void letsAuditorsAndDelegatesReadTheLedger(Call call) throws Exception {
        mvc.perform(call.builder().header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk());
        mvc.perform(call.builder().header(HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE)))
                .andExpect(status().isOk());
    }

    @Test
    void letsAuditorsButNotStaffOrDelegatesListAccounts() throws Exception {
        mvc.perform(get("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE)))
                .andExpect(problem(403, "forbidden"));
    }

    @Test
    void acceptsHttpBasicOnlyAtTheTokenEndpoint() throws Exception {
        mvc.perform(get("/api/v1/accounts").with(httpBasic(OFFICER, OFFICER_PASSWORD)))
                .andExpect(problem(401, "unauthenticated"));
        mvc.perform(get("/api/v1/tokens").with(httpBasic(OFFICER, OFFICER_PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void keepsNoSessionForApiCalls() throws Exception {
        var result = mvc.perform(get("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk())
                .andReturn();

        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getCookies()).isEmpty();
    }
}
