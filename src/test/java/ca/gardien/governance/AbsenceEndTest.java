package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * The person in charge back sooner than planned ends the absence: the substitute stops acting after its new last day
 * (officer's review: an absence could only be ended by recording another, shorter one).
 */
class AbsenceEndTest extends GovernanceTestSupport {

    private static final String API = "/api/v1/governance/person-in-charge";

    private void substitute() throws Exception {
        substitute(person(Role.DELEGATE).id());
    }

    private void substitute(java.util.UUID delegate) throws Exception {
        send(officerBearer(), API + "/substitute", """
                {"name":"Sam Exemple","title":"Président","email":"sam@example.test","accountId":"%s",
                 "startsOn":"2026-01-01"}""".formatted(delegate)).andExpect(status().isCreated());
    }

    private String absence(String startsOn, String endsOn) throws Exception {
        var body = send(officerBearer(), API + "/absences", """
                        {"startsOn":"%s","endsOn":"%s"}""".formatted(startsOn, endsOn))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private boolean substituteActs() throws Exception {
        var now = mvc.perform(get(API).header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(now, "$.substitute");
    }

    @Test
    void thePersonInChargeBackSoonerEndsTheAbsenceTheSubstituteStopsActingAndTheLedgerKeepsTheEndItHad()
            throws Exception {
        substitute();
        clock.setDay("2033-03-05");
        var id = absence("2033-03-01", "2033-03-20");
        assertThat(substituteActs()).isTrue();

        send(officerBearer(), API + "/absences/" + id + "/end", "{\"endsOn\":\"2033-03-04\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endsOn").value("2033-03-04"));

        assertThat(substituteActs())
                .as("back today: the absence ended yesterday")
                .isFalse();
        var fact = awaitLedgerEntry("governance.absence-ended", id);
        assertThat(String.valueOf(fact.get("payload")))
                .contains("2033-03-04")
                .contains("previousEndsOn")
                .contains("2033-03-20");
    }

    @Test
    void anEndIsOnlySoonerNotBeforeTheDayBeforeTheStartEachAbsenceOnItsOwnAndByWhoeverMayRecordOne() throws Exception {
        clock.setDay("2033-05-10");
        var earlier = absence("2033-05-01", "2033-05-30");
        var id = absence("2033-05-02", "2033-05-31");
        var end = API + "/absences/" + id + "/end";

        send(officerBearer(), end, "{\"endsOn\":\"2033-06-15\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("endsOn"))
                .andExpect(jsonPath("$.errors[0].message") // attacker's re-check: it said "the delegation"
                        .value(org.hamcrest.Matchers.startsWith("L’absence finit déjà le 2033-05-31")));
        send(officerBearer(), end, "{\"endsOn\":\"2033-04-30\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("endsOn"));
        send(officerBearer(), end, "{}").andExpect(problem(400, "validation"));
        send(officerBearer(), end, "{\"endsOn\":true}").andExpect(problem(400, "malformed-request"));
        send(officerBearer(), API + "/absences/" + earlier + "/end", "{\"endsOn\":\"2033-04-30\"}")
                .andExpect(status().isOk()) // the day before its start: withdrawn, each absence on its own
                .andExpect(jsonPath("$.endsOn").value("2033-04-30"));
        var delegation = JsonPath.<String>read(
                send(officerBearer(), API + "/delegations", """
                                {"name":"Dana Exemple","title":"Conseillère","email":"dana@example.test","scope":"WHOLE","startsOn":"2033-01-01",
                                 "documentSha256":"%s"}""".formatted("c".repeat(64)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        send(officerBearer(), API + "/absences/" + delegation + "/end", "{\"endsOn\":\"2033-05-09\"}")
                .andExpect(problem(404, "not-found"));
        for (var role : new Role[] {Role.STAFF, Role.AUDITOR}) {
            send(bearer(role), end, "{\"endsOn\":\"2033-05-09\"}").andExpect(problem(403, "forbidden"));
        }
        send(bearer(Role.DELEGATE), end, "{\"endsOn\":\"2033-05-09\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endsOn").value("2033-05-09"));
        send(officerBearer(), end, "{\"endsOn\":\"2033-05-09\"}") // the end it has already: nothing sooner
                .andExpect(problem(400, "validation"));
    }

    @Test
    void theConsoleOffersToEndEachAbsenceNotYetOverOrToWithdrawAPlannedOneAndSaysWhatItDid() throws Exception {
        substitute();
        clock.setDay("2033-08-10");
        var current = absence("2033-08-05", "2033-08-20");
        var planned = absence("2033-08-15", "2033-08-18"); // side by side: it does not cancel the current one
        assertThat(substituteActs()).isTrue();
        var officer = as(Role.PRIVACY_OFFICER);
        var page = consolePage(OfficerPages.PAGE, officer);
        assertThat(page)
                .contains("/console/governance/person-in-charge/absences/" + current + "/end")
                .contains("id=\"end-" + current
                        + "\" name=\"endsOn\" type=\"date\" required aria-required=\"true\" value=\"2033-08-09\"")
                .contains("id=\"end-" + planned
                        + "\" name=\"endsOn\" type=\"date\" required aria-required=\"true\" value=\"2033-08-14\"");

        mvc.perform(post(OfficerPages.PAGE + "/absences/" + current + "/end")
                        .session(officer)
                        .with(csrf())
                        .param("endsOn", "2033-08-09"))
                .andExpect(redirectedUrl(OfficerPages.PAGE))
                .andExpect(flash().attribute("done", "absence-ended"));
        assertThat(substituteActs()).isFalse();
        mvc.perform(post(OfficerPages.PAGE + "/absences/" + planned + "/end")
                        .session(officer)
                        .with(csrf())
                        .param("endsOn", "2033-08-14"))
                .andExpect(flash().attribute("done", "absence-ended"));
        var after = consolePage(OfficerPages.PAGE, officer);
        assertThat(after)
                .contains("La fin de l’absence est consignée au registre de preuves")
                .contains("retirée (elle devait commencer le 2033-08-15)")
                .doesNotContain("/absences/" + current + "/end")
                .doesNotContain("/absences/" + planned + "/end");
        clock.setDay("2033-08-16");
        assertThat(substituteActs()).as("the withdrawn absence covers no day").isFalse();

        mvc.perform(post(OfficerPages.PAGE + "/absences/" + current + "/end")
                        .session(as(Role.STAFF))
                        .with(csrf())
                        .param("endsOn", "2033-08-05"))
                .andExpect(flash().attributeExists("refused"));
    }

    /**
     * Officer's review (2026-12-07): the designated substitute's account was disabled and the page went quiet — the
     * public page still named them, nothing said that nobody could approve during the absence; two designations read
     * alike, with nothing telling which one counts.
     */
    @Test
    void aDisabledSubstituteNoLongerActsThePageSaysSoAndReplacedRecordsAreMarked() throws Exception {
        substitute();
        var delegate = person(Role.DELEGATE);
        substitute(delegate.id());
        clock.setDay("2034-02-10");
        absence("2034-02-01", "2034-02-28");
        absence("2034-02-05", "2034-02-20");
        assertThat(substituteActs()).isTrue();

        mvc.perform(post("/api/v1/accounts/" + delegate.id() + "/disable")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk());

        assertThat(substituteActs()).isFalse();
        var page = consolePage(OfficerPages.PAGE, as(Role.PRIVACY_OFFICER));
        assertThat(page)
                .contains("id=\"substitute-inactive\"")
                .contains("Le compte du substitut désigné, Sam Exemple, est désactivé")
                .doesNotContain("id=\"no-substitute\"")
                .contains("remplacé par une désignation plus récente");
    }

    /**
     * Officer's review (2026-12-07): the accounts page disabled the designated substitute with the plain question, and
     * nobody could then act during an absence; it now names the duty beside the account and asks with it.
     */
    @Test
    void theAccountsPageNamesTheSubstituteAndAsksBeforeDisablingThem() throws Exception {
        var delegate = person(Role.DELEGATE);
        var other = person(Role.DELEGATE);
        substitute(delegate.id());
        var officer = as(Role.PRIVACY_OFFICER);

        var row = accountsPage(officer, delegate.username());
        assertThat(row)
                .contains("substitut désigné de la personne responsable")
                .contains("data-confirm=\"Désactiver ce compte\u202f? La personne ne pourra plus se connecter. C’est le"
                        + " substitut désigné de la personne responsable\u202f: pendant une absence");
        assertThat(accountsPage(officer, other.username()))
                .as("an account without a duty: the plain question")
                .contains("data-confirm=\"Désactiver ce compte\u202f? La personne ne pourra plus se connecter.\"")
                .doesNotContain("substitut désigné de la personne responsable");

        substitute(other.id()); // designated last: the duty moves
        assertThat(accountsPage(officer, delegate.username())).doesNotContain("substitut désigné de la personne");
        assertThat(accountsPage(officer, other.username())).contains("substitut désigné de la personne responsable");
    }

    private String accountsPage(org.springframework.mock.web.MockHttpSession session, String username)
            throws Exception {
        return consolePage("/console/accounts?q=" + username, session);
    }
}
