package ca.gardien.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import ca.gardien.security.OpenApiCalls.Operation;
import ca.gardien.security.RoleMatrix.Access;
import ca.gardien.security.RoleMatrix.Caller;
import ca.gardien.support.WebTestSupport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Every operation of the OpenAPI document, called by every caller, against the expected-access table
 * {@code security/role-matrix.tsv}: a new endpoint without a row fails the build, and so does a row for an operation
 * that no longer exists. Calls carry ids that do not exist, so a write that passes authorization ends in 404 or 400 and
 * no cell changes what another sees; the class runs in a context of its own, discarded afterwards.
 */
@TestPropertySource(properties = "spring.application.name=gardien-role-matrix")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RoleMatrixTest extends WebTestSupport {

    /** One call: what the table expects (null: the operation has no row) and what came back. */
    record Cell(Operation operation, Caller caller, Access expected, int status, String location, String note) {

        Access actual() {
            if (status == 401 || (status / 100 == 3 && location != null && location.endsWith("/login"))) {
                return Access.UNAUTHENTICATED;
            }
            return status == 403 ? Access.FORBIDDEN : Access.PASSED;
        }

        @Override
        public String toString() {
            return String.format(
                    "%-62s %-9s expected %-3s got %d%s",
                    operation.name(),
                    caller.name().toLowerCase(java.util.Locale.ROOT),
                    expected == null ? "-" : expected.cell,
                    status,
                    note.isEmpty() ? "" : "   # " + note);
        }
    }

    private static List<Cell> cells;
    private static OpenApiCalls document;

    @AfterAll
    static void forget() {
        cells = null;
        document = null;
    }

    @Test
    void everyOperationOfTheOpenApiDocumentHasExactlyOneRow() throws Exception {
        var matrix = RoleMatrix.load();
        var documented = new TreeSet<String>();
        document().operations().forEach(o -> documented.add(o.name()));

        var missing = new TreeSet<>(documented);
        missing.removeAll(matrix.rows().keySet());
        var stale = new TreeSet<>(matrix.rows().keySet());
        stale.removeAll(documented);

        var problems = new ArrayList<String>();
        missing.forEach(o -> problems.add("no row for " + o + " (add e.g. '" + o + "  401 403 ok ok ok')"));
        stale.forEach(o -> problems.add("a row for " + o + ", which is not in /v3/api-docs"));
        assertThat(problems)
                .as("operations of /v3/api-docs against the rows of %s", RoleMatrix.RESOURCE)
                .isEmpty();
    }

    @Test
    void everyCallerGetsTheAccessTheMatrixExpects() throws Exception {
        var all = cells();
        var operations = document().operations().size();
        assertThat(all).as("cells called").hasSize(operations * Caller.values().length);

        var mismatches = all.stream()
                .filter(c -> c.expected() != null && c.expected() != c.actual())
                .map(Cell::toString)
                .toList();
        assertThat(mismatches)
                .as(
                        "cells whose access differs from %s (%d operations x %d callers)",
                        RoleMatrix.RESOURCE, operations, Caller.values().length)
                .isEmpty();
    }

    @Test
    void noOperationAnswersAServerErrorToAnyCaller() throws Exception {
        var errors = cells().stream()
                .filter(c -> c.status() >= 500)
                .map(Cell::toString)
                .toList();
        assertThat(errors).as("cells answered with a server error").isEmpty();
    }

    private OpenApiCalls document() throws Exception {
        if (document == null) {
            document = OpenApiCalls.of(
                    mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
        }
        return document;
    }

    /** Calls every operation as every caller, once per class; reads first, then writes, token and account writes last. */
    private List<Cell> cells() throws Exception {
        if (cells != null) {
            return cells;
        }
        var matrix = RoleMatrix.load();
        var callers = new Callers();
        var ordered = new ArrayList<>(document().operations());
        ordered.sort(Comparator.comparingInt(RoleMatrixTest::risk).thenComparing(Operation::name));
        var result = new ArrayList<Cell>();
        for (var operation : ordered) {
            var row = matrix.rows().get(operation.name());
            for (var caller : Caller.values()) {
                var response = callers.call(operation, caller);
                result.add(new Cell(
                        operation,
                        caller,
                        row == null ? null : row.expected().get(caller),
                        response.getStatus(),
                        response.getHeader(HttpHeaders.LOCATION),
                        row == null ? "no row" : row.note()));
            }
        }
        assertThat(callers.stillSignedIn())
                .as("a cell locked a caller out; later cells would be wrong")
                .isTrue();
        cells = List.copyOf(result);
        return cells;
    }

    /** Reads first; writes to tokens and accounts last, so that no cell can revoke what a later cell uses. */
    private static int risk(Operation operation) {
        boolean read = operation.method().equals("get") || operation.method().equals("head");
        boolean credentials = operation.path().startsWith("/api/v1/tokens")
                || operation.path().startsWith("/api/v1/accounts");
        return read ? 0 : credentials ? 2 : 1;
    }

    /** The callers: a bearer token per role for the API, a signed-in session per role for the console. */
    private final class Callers {

        private final Map<Caller, String> bearers = new EnumMap<>(Caller.class);
        private final Map<Caller, MockHttpSession> sessions = new EnumMap<>(Caller.class);

        Callers() throws Exception {
            for (var caller : Caller.values()) {
                if (caller.role != null) {
                    var person = person(caller.role);
                    bearers.put(caller, bearerFor(person.id(), caller.role));
                    sessions.put(caller, login(person.username(), person.password()));
                }
            }
        }

        MockHttpServletResponse call(Operation operation, Caller caller) throws Exception {
            var body = operation.name().equals("POST /api/v1/tokens") ? tokenRequest(caller) : null;
            var request = document().call(operation, body);
            if (operation.path().startsWith("/console/")) {
                request.with(csrf());
                if (caller.role != null) {
                    request.session(sessions.get(caller));
                }
            } else if (caller.role != null) {
                request.header(HttpHeaders.AUTHORIZATION, bearers.get(caller));
            }
            return mvc.perform(request).andReturn().getResponse();
        }

        /** A token may carry only roles its holder has: each caller asks for its own. */
        private tools.jackson.databind.JsonNode tokenRequest(Caller caller) {
            var body = JsonNodeFactory.instance.objectNode().put("name", "role-matrix");
            body.putArray("roles").add(caller.role == null ? "STAFF" : caller.role.name());
            return body;
        }

        boolean stillSignedIn() throws Exception {
            for (var bearer : bearers.values()) {
                var status = mvc.perform(get("/api/v1/tokens").header(HttpHeaders.AUTHORIZATION, bearer))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                if (status != 200) {
                    return false;
                }
            }
            for (var signedIn : sessions.entrySet()) {
                // a controller's system opens only its password page
                var page = signedIn.getKey().role.person() ? "/console" : "/console/password";
                var status = mvc.perform(get(page).session(signedIn.getValue()))
                        .andReturn()
                        .getResponse()
                        .getStatus();
                if (status != 200) {
                    return false;
                }
            }
            return true;
        }
    }
}
