package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.organization.Organization;
import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

/** The server-rendered console: sign-in, dashboard figures, organization, ledger and password pages. */
class ConsolePagesTest extends WebTestSupport {

    @Autowired
    EvidenceLedger ledger;

    @Autowired
    Organization organization;

    private MockHttpSession officer() throws Exception {
        return login(OFFICER, OFFICER_PASSWORD);
    }

    private String page(String path, MockHttpSession session) throws Exception {
        return mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String text(String html, String id) {
        var matcher = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(matcher.find()).as("element #" + id).isTrue();
        return matcher.group(1);
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
        mvc.perform(get("/console")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/console/accounts")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void theLoginPageIsInFrenchByDefault() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"fr\"")))
                .andExpect(content().string(containsString("Connexion")));
    }

    @Test
    void refusesAWrongPassword() throws Exception {
        mvc.perform(post("/login")
                        .param("username", OFFICER)
                        .param("password", "not-the-password")
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void refusesASignInWithoutCsrfToken() throws Exception {
        mvc.perform(post("/login").param("username", OFFICER).param("password", OFFICER_PASSWORD))
                .andExpect(status().isForbidden());
    }

    @Test
    void theDashboardSaysInOneLineWhereTheLedgerStandsAndTheLedgerPageHoldsItsHashes() throws Exception {
        var session = officer();

        // Recording is asynchronous: compare once the ledger did not move while the page was rendered.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var before = ledger.status();
            var html = page("/console", session);
            var ledgerPage = page("/console/ledger", session);
            var after = ledger.status();
            assertThat(after).isEqualTo(before);

            assertThat(before.lastCheckpoint()).isPresent();
            // in the organization's time zone, with its abbreviation (ConsoleTimes)
            var signedAt = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.CANADA_FRENCH)
                    .withZone(java.time.ZoneId.of("America/Toronto"))
                    .format(before.lastCheckpoint().get().signedAt());
            assertThat(text(html, "ledger-line"))
                    .startsWith("Registre de preuves : ")
                    .contains("entrées")
                    .endsWith("dernier point de contrôle signé le " + signedAt);
            assertThat(html)
                    .contains("<a id=\"ledger-line\" href=\"/console/ledger\"")
                    .doesNotContain(before.headHash())
                    .doesNotContain("head-hash");
            assertThat(text(ledgerPage, "ledger-entries")).isEqualTo(String.valueOf(before.entries()));
            assertThat(text(ledgerPage, "head-hash"))
                    .isEqualTo(before.headHash())
                    .matches("[0-9a-f]{64}");
            assertThat(text(ledgerPage, "last-checkpoint").replaceAll("[\\s\\u00a0\\u202f]", ""))
                    .as(
                            "the entry it seals, said so (officer's walk: a bare number); digits grouped as French groups them")
                    .startsWith(
                            "jusqu’àl’entrée" + before.lastCheckpoint().get().sequence() + "·");
        });
    }

    @Test
    void theDashboardIsOpenToEveryRole() throws Exception {
        var staff = person(Role.STAFF);

        var html = page("/console", login(staff.username(), staff.password()));

        assertThat(html).contains("Tableau de bord").contains("<span id=\"ledger-line\"");
        assertThat(html).doesNotContain("href=\"/console/accounts\"");
    }

    @Test
    void showsTheLedgerToThePersonInChargeAndNotToStaff() throws Exception {
        var html = page("/console/ledger", officer());
        assertThat(html).contains("Registre de preuves").contains("account.created");

        var staff = person(Role.STAFF);
        mvc.perform(get("/console/ledger").session(login(staff.username(), staff.password())))
                .andExpect(status().isForbidden());
    }

    @Test
    void pagesTheLedgerNewestFirstFiftyAtATime() throws Exception {
        var session = officer();
        for (long i = ledger.status().entries(); i <= 60; i++) {
            issue(officerId(), Role.PRIVACY_OFFICER);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.status().entries() > 60);
        var head = ledger.status().entries();

        var newest = page("/console/ledger", session);
        assertThat(newest).containsPattern(seq(head)).doesNotContainPattern(seq(head - 50));
        var next = ca.gardien.shared.Listing.cursor(java.util.List.of(Long.toString(head - 49)));
        assertThat(newest).contains("/console/ledger?dir=desc&amp;after=" + next + "\"");

        var older = page("/console/ledger?after=" + next, session);
        assertThat(older).containsPattern(seq(head - 50)).doesNotContainPattern(seq(head));
    }

    /** A ledger line's sequence cell (each cell carries its column's name for the phone's cards). */
    private static String seq(long sequence) {
        return "<td[^>]*>" + sequence + "</td>";
    }

    @Test
    void showsNoEntriesBeforeTheFirstOne() throws Exception {
        var session = officer();
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.status().entries() > 1);

        for (var before : new String[] {"1", "0", "-5"}) {
            var html = page("/console/ledger?before=" + before, session);
            assertThat(html).doesNotContainPattern(seq(1)).doesNotContain("?before=");
        }
    }

    @Test
    void rejectsALedgerPositionThatIsNotANumber() throws Exception {
        mvc.perform(get("/console/ledger").param("before", "last").session(officer()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void exportsTheLedgerAndItsKeyFromTheConsoleButNotToStaff() throws Exception {
        var session = officer();
        var started = mvc.perform(get("/console/ledger/export").session(session))
                .andExpect(request().asyncStarted())
                .andReturn();
        mvc.perform(asyncDispatch(started))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/jsonl"));
        mvc.perform(get("/console/ledger/public-key").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("BEGIN PUBLIC KEY")));

        var staff = person(Role.STAFF);
        var staffSession = login(staff.username(), staff.password());
        for (var path :
                new String[] {"/console/ledger/export", "/console/ledger/verify", "/console/ledger/public-key"}) {
            mvc.perform(get(path).session(staffSession)).andExpect(status().isForbidden());
        }
    }

    @Test
    void verifiesTheChainFromTheLedgerPage() throws Exception {
        mvc.perform(get("/console/ledger/verify").session(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"notice\"")));
    }

    @Test
    void savesTheOrganizationProfileFromItsPage() throws Exception {
        var session = officer();
        var legalName = unique("Console Org");
        var basis = java.util.regex.Pattern.compile("name=\"basis\" value=\"([0-9a-f]*)\"")
                .matcher(page("/console/organization", session));
        assertThat(basis.find()).as("the form says which profile it replaces").isTrue();

        mvc.perform(post("/console/organization")
                        .session(session)
                        .with(csrf())
                        .param("basis", basis.group(1))
                        .param("legalName", legalName)
                        .param("neq", "2234 567 890")
                        .param("street", "2, rue Console")
                        .param("city", "Lévis")
                        .param("province", "Québec")
                        .param("postalCode", "G6V 1A1")
                        .param("country", "Canada")
                        .param("officerName", "Console Person")
                        .param("officerTitle", "Responsable")
                        .param("officerTitleEn", "Officer in charge")
                        .param("officerEmail", "console@example.test")
                        .param("officerPhone", "")
                        .param("actingName", "")
                        .param("actingTitle", "")
                        .param("actingEmail", "")
                        .param("actingPhone", ""))
                .andExpect(redirectedUrl("/console/organization?saved"));

        var saved = organization.profile().orElseThrow();
        assertThat(saved.legalName()).isEqualTo(legalName);
        assertThat(saved.neq()).isEqualTo("2234567890");
        assertThat(saved.acting()).isNull();
        assertThat(saved.personInCharge().phone()).isNull();
        assertThat(saved.personInCharge().titleEn()).isEqualTo("Officer in charge");
        assertThat(page("/console/organization", session))
                .contains("id=\"officerTitleEn\"", "value=\"Officer in charge\"", "Titre en anglais");
    }

    @Test
    void showsTheInvalidFieldsOfTheProfileFormWithoutSaving() throws Exception {
        var session = officer();
        var before = organization.profile();

        var html = mvc.perform(post("/console/organization")
                        .session(session)
                        .with(csrf())
                        .param("legalName", "")
                        .param("neq", "123")
                        .param("street", "s")
                        .param("city", "c")
                        .param("province", "p")
                        .param("postalCode", "z")
                        .param("country", "c")
                        .param("officerName", "n")
                        .param("officerTitle", "t")
                        .param("officerTitleEn", "x".repeat(201))
                        .param("officerEmail", "not-an-email"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("role=\"alert\"")
                // each error named by its field's label and linked to its input
                .contains("href=\"#legalName\"")
                .contains("Raison sociale : ")
                .contains("href=\"#neq\"")
                .contains("NEQ : Ce champ doit compter les 10 chiffres")
                .contains("href=\"#officerEmail\"")
                .contains("href=\"#officerTitleEn\"")
                .contains("Titre en anglais de la personne responsable : ")
                .doesNotContain("personInCharge.email");
        assertThat(organization.profile()).isEqualTo(before);
    }

    /**
     * Attacker's probe: a control character at either end of an optional field (phone, NEQ, English title) was cut off
     * by String.trim() and the profile saved without a word, while the same character in a required field was refused;
     * it is now refused with its field like any other.
     */
    @Test
    void refusesAControlCharacterAtTheEndOfAnOptionalFieldOfTheProfileForm() throws Exception {
        var session = officer();
        var basis = java.util.regex.Pattern.compile("name=\"basis\" value=\"([0-9a-f]*)\"")
                .matcher(page("/console/organization", session));
        assertThat(basis.find()).isTrue();
        var before = organization.profile();

        var html = mvc.perform(post("/console/organization")
                        .session(session)
                        .with(csrf())
                        .param("lang", "fr")
                        .param("basis", basis.group(1))
                        .param("legalName", unique("Contrôle"))
                        .param("neq", "2234567890\u0001")
                        .param("street", "2, rue Console")
                        .param("city", "Lévis")
                        .param("province", "Québec")
                        .param("postalCode", "G6V 1A1")
                        .param("country", "Canada")
                        .param("officerName", "Console Person")
                        .param("officerTitle", "Responsable")
                        .param("officerTitleEn", "\u001bOfficer")
                        .param("officerEmail", "console@example.test")
                        .param("officerPhone", "+1 418 555 0100\u0007"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("href=\"#neq\"", "href=\"#officerTitleEn\"", "href=\"#officerPhone\"");
        assertThat(organization.profile()).isEqualTo(before);
    }

    @Test
    void refusesTheOrganizationPageToOtherRolesAndFormsWithoutCsrf() throws Exception {
        var delegate = person(Role.DELEGATE);
        var session = login(delegate.username(), delegate.password());
        mvc.perform(get("/console/organization").session(session)).andExpect(status().isForbidden());

        var before = organization.profile();
        mvc.perform(post("/console/organization").session(officer()).param("legalName", "No CSRF"))
                .andExpect(status().isForbidden());
        assertThat(organization.profile()).isEqualTo(before);
    }

    @Test
    void changingThePasswordChecksTheCurrentOneAndTheConfirmation() throws Exception {
        var person = person(Role.STAFF);
        var session = login(person.username(), person.password());

        mvc.perform(post("/console/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", "not-my-password")
                        .param("newPassword", "a-brand-new-password")
                        .param("confirmPassword", "a-brand-new-password"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("currentPassword")));
        mvc.perform(post("/console/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", person.password())
                        .param("newPassword", "a-brand-new-password")
                        .param("confirmPassword", "a-different-password"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("confirmPassword")));
        mvc.perform(post("/console/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", person.password())
                        .param("newPassword", "short")
                        .param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("newPassword")));

        login(person.username(), person.password());
    }

    @Test
    void aChangedPasswordEndsTheSessionAndIsALedgerFact() throws Exception {
        var person = person(Role.STAFF);
        var session = login(person.username(), person.password());

        mvc.perform(post("/console/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", person.password())
                        .param("newPassword", "a-brand-new-password")
                        .param("confirmPassword", "a-brand-new-password"))
                .andExpect(redirectedUrl("/login?changed"));

        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/login"));
        login(person.username(), "a-brand-new-password");
        assertThat(awaitLedgerEntry("account.password-changed", person.id())).isNotNull();
    }

    @Test
    void aOneTimePasswordKeepsItsHolderOnThePasswordPage() throws Exception {
        var newcomer = newcomer(Role.DELEGATE);
        var session = login(newcomer.username(), newcomer.password());

        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/console/password"));
        mvc.perform(get("/console/ledger").session(session)).andExpect(redirectedUrl("/console/password"));
        mvc.perform(get("/console/password").session(session)).andExpect(status().isOk());
    }

    @Test
    void signsOut() throws Exception {
        var session = officer();

        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));

        mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anUnknownConsolePageIsAPlainNotFound() throws Exception {
        mvc.perform(get("/console/no-such-page").session(officer()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("problems/"))));
        mvc.perform(get("/console/no-such-page").session(officer()))
                .andExpect(result -> assertThat(result.getResponse().getContentType())
                        .satisfiesAnyOf(
                                type -> assertThat(type).isNull(),
                                type -> assertThat(MediaType.parseMediaType(type)
                                                .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                                        .isFalse()));
    }
}
