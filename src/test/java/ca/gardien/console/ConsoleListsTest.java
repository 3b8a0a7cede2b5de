package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.consent.ConsentLedger;
import ca.gardien.consent.ConsentQuery;
import ca.gardien.consent.ConsentReports;
import ca.gardien.consent.ConsentRequest;
import ca.gardien.consent.ConsentTerms;
import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.organization.Role;
import ca.gardien.requests.QueueQuery;
import ca.gardien.requests.RequestViews;
import ca.gardien.shared.Actor;
import ca.gardien.shared.Listing;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The console lists (issue 13, Lists): search, filters, sorting, keyset paging, CSV export, bad input and roles. */
class ConsoleListsTest extends RequestConsoleSupport {

    /** The requests tests' map plus a purpose pursued with express consent. */
    static final String LISTS_MAP = """
            subjectCategories:
              - {id: customer, name: {fr: Clients, en: Customers}}
            piCategories:
              - {id: contact, name: {fr: Coordonnées, en: Contact information}}
            purposes:
              - {id: service, name: {fr: Service, en: Service}, kind: primary}
              - {id: lists-news, name: {fr: Nouvelles, en: News}, kind: primary}
            legalBases:
              - {id: contract, kind: contract, name: {fr: Contrat, en: Contract}}
              - {id: consent, kind: express-consent, name: {fr: Consentement, en: Consent}}
            systems:
              - {id: crm, name: CRM, owner: sales, hostingLocation: Montréal, jurisdiction: CA-QC,
                 holdsPersonalInformation: true, introducedOn: "2020-01-01"}
            processingActivities:
              - {id: customers, name: {fr: Clients, en: Customers}, subjects: [customer], categories: [contact],
                 purposes: [service], legalBasis: contract, source: person, systems: [crm]}
              - {id: news, name: {fr: N, en: N}, subjects: [customer], categories: [contact],
                 purposes: [lists-news], legalBasis: consent, source: person}
            """;

    @Autowired
    RequestViews views;

    @Autowired
    ConsentLedger consents;

    @Autowired
    ConsentReports reports;

    @Autowired
    EvidenceLedger ledger;

    @Autowired
    ca.gardien.requests.Requests requests;

    @Autowired
    ca.gardien.requests.RequestIntake intake;

    @BeforeEach
    void listsMap() {
        inventory.apply(LISTS_MAP, Actor.SYSTEM);
    }

    @Test
    void theQueueIsSearchedByReferenceOrRequesterAndShowsBothColumns() throws Exception {
        var one = received("ACCESS");
        var other = received("ACCESS");
        var email = email(one);
        var session = session(Role.PRIVACY_OFFICER);

        var reference = requests.get(one).reference();
        var byReference = page("/console/requests?q=" + reference.toLowerCase(java.util.Locale.ROOT), session);
        assertThat(byReference)
                .contains("data-request=\"" + one + "\"")
                .contains(">" + reference + "</a>")
                .doesNotContain(other.toString());
        // typed without the number's leading zeros, as a person reads it out on the phone
        var shortForm = reference.replaceFirst("-0+(\\d)", "-$1");
        assertThat(page("/console/requests?q=" + shortForm, session)).contains("data-request=\"" + one + "\"");
        var byOldReference = page("/console/requests?q=" + one.toString().substring(0, 13), session);
        assertThat(byOldReference).contains("data-request=\"" + one + "\"").doesNotContain(other.toString());
        var byRequester = page("/console/requests?q=" + email.toUpperCase(), session);
        assertThat(byRequester).contains("data-request=\"" + one + "\"").contains(email);
        assertThat(byRequester).doesNotContain("data-request=\"" + other + "\"");

        var nothing = page("/console/requests?q=nobody-at-all", session);
        assertThat(nothing).contains("id=\"queue-empty\"").contains("Aucune demande ne correspond");
    }

    @Test
    void anAuditorSeesTheRequesterMaskedAndCannotSearchByIt() throws Exception {
        var one = received("ACCESS");
        var email = email(one);
        var session = session(Role.AUDITOR);

        var byReference = page("/console/requests?q=" + one, session);
        assertThat(byReference)
                .contains("data-request=\"" + one + "\"")
                .doesNotContain(email)
                .contains("•");
        assertThat(page("/console/requests?q=" + email, session)).doesNotContain("data-request=\"" + one + "\"");
    }

    @Test
    void keysetPagesWalkTheWholeQueueOnceInEitherOrder() {
        for (int i = 0; i < 5; i++) {
            received("ACCESS");
        }
        for (var sort : List.of("due", "received")) {
            for (var ascending : List.of(true, false)) {
                var seen = new HashSet<UUID>();
                List<String> after = null;
                int pages = 0;
                do {
                    var page = views.page(
                            new QueueQuery(Set.of(), null, null, null, null, sort, ascending, after, 2, false),
                            Set.of(Role.PRIVACY_OFFICER));
                    page.rows()
                            .forEach(r ->
                                    assertThat(seen.add(r.id())).as("seen once").isTrue());
                    after = page.next() == null
                            ? null
                            : Listing.keyset(page.next(), 2).orElseThrow();
                    pages++;
                } while (after != null);
                var all = views.page(
                        new QueueQuery(Set.of(), null, null, null, null, sort, ascending, null, 10_000, false),
                        Set.of(Role.PRIVACY_OFFICER));
                assertThat(seen).hasSize(all.rows().size());
                assertThat(pages).isGreaterThan(2);
            }
        }
    }

    @Test
    void theQueueIgnoresAnUnknownSortAMalformedCursorAndBadFilters() throws Exception {
        var session = session(Role.PRIVACY_OFFICER);
        var wrongArity = Listing.cursor(List.of("x"));
        var wrongValues = Listing.cursor(List.of("not-a-date", "not-an-id"));
        for (var query : List.of(
                "sort=evil;DROP&dir=sideways",
                "after=%%%",
                "after=" + wrongArity,
                "after=" + wrongValues,
                "sort=received&after=" + wrongValues,
                "days=abc&type=NOPE&status=NOPE",
                "q=" + "x".repeat(5000),
                "q=%25_%5C")) {
            mvc.perform(get("/console/requests?" + query).session(session)).andExpect(status().isOk());
        }
        mvc.perform(get("/console/requests/export.csv?sort=evil&after=%%%").session(session))
                .andExpect(status().isOk());
    }

    @Test
    void theQueueExportsAsCsvWithTheFiltersOfThePage() throws Exception {
        var one = received("ACCESS");
        var session = session(Role.PRIVACY_OFFICER);
        var response = mvc.perform(
                        get("/console/requests/export.csv?status=ALL&q=" + one).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(response.getContentType()).startsWith("text/csv");
        assertThat(response.getHeader("Content-Disposition")).contains("gardien-requests.csv");
        var lines = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)
                .split("\r\n");
        assertThat(lines).hasSize(2);
        // the byte order mark first, for French Excel (ConsoleCsvFilesTest)
        assertThat(lines[0]).startsWith("\uFEFFRéférence,Demandeur,Type,Statut");
        assertThat(lines[1])
                .startsWith(requests.get(one).reference() + ",")
                .contains("@example.test")
                .as("the regime in words, as on the page")
                .contains(",Québec (Loi 25),")
                .doesNotContain(",QC,");
    }

    @Test
    void theQueueShowsAReceiptInTheTimeOfTheRequestsJurisdiction() throws Exception {
        var request = intake.enter(mailed(java.time.Instant.parse("2026-05-25T14:00:00Z")), null, Actor.SYSTEM);
        var session = session(Role.PRIVACY_OFFICER);
        // 14:00 UTC is 10:00 in Québec (EDT) on that day
        assertThat(page("/console/requests?status=ALL&q=" + request.reference(), session))
                .contains("2026-05-25 10:00")
                .doesNotContain("2026-05-25 14:00");
        var csv = mvc.perform(get("/console/requests/export.csv?status=ALL&q=" + request.reference())
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains(",2026-05-25T10:00:00-04:00,");
    }

    @Test
    void theLedgerIsSearchedByActionAndObjectPagedAndExported() throws Exception {
        var one = received("ACCESS");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !ledger.about("request", one.toString(), 10).isEmpty());
        var session = session(Role.AUDITOR);

        var html = page("/console/ledger?action=requests.received&object=" + one, session);
        assertThat(html).contains(one.toString()).contains("requests.received");
        assertThat(html).doesNotContain("account.created");
        assertThat(page("/console/ledger?action=no.such.action", session)).contains("id=\"ledger-empty\"");
        // the action in part of its words: the only action they begin, or else the words searched as words
        assertThat(mvc.perform(get("/console/ledger")
                                .param("action", "demande reç")
                                .param("object", one.toString())
                                .session(session))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("requests.received")
                .doesNotContain("id=\"ledger-empty\"");
        assertThat(page("/console/ledger?action=Demande&object=" + one, session))
                .as("several actions begin with it: the words are searched")
                .contains("requests.received")
                .doesNotContain("id=\"ledger-empty\"");
        assertThat(page("/console/ledger?action=Incident&object=" + one, session))
                .contains("id=\"ledger-empty\"");
        // a request is named by its reference, and found by it as typed
        var reference = requests.get(one).reference();
        assertThat(page("/console/ledger?object=" + reference.toLowerCase(java.util.Locale.ROOT), session))
                .contains("requests.received")
                .as("named by its reference, a link to its page")
                .containsPattern("<a class=\"object-id\" data-raw\\s+href=\"/console/requests/" + one + "\">"
                        + reference + "</a>");
        assertThat(page("/console/ledger?object=R-1999-00001", session)).contains("id=\"ledger-empty\"");

        var csv = mvc.perform(get("/console/ledger/export.csv?object=" + one).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // in words, the codes alongside (issue 13: a readable CSV)
        assertThat(csv).startsWith("\uFEFFSéq.,Enregistré le,");
        assertThat(csv).contains("," + one + ",requests.received,").doesNotContain("{\"");

        for (var query : List.of("after=%%%", "after=" + Listing.cursor(List.of("-1x")), "dir=up&before=")) {
            mvc.perform(get("/console/ledger?" + query).session(session)).andExpect(status().isOk());
        }
        // a day that is none is said, not left out of the search (ListPeriodTest)
        mvc.perform(get("/console/ledger?from=2026-13-45&to=x").session(session))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theLedgerIsSearchedInWordsInEitherLanguage() throws Exception {
        var address = "words-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        var granted = consent(address, ConsentTerms.State.GRANTED);
        var withdrawn = consent(address, ConsentTerms.State.WITHDRAWN);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !ledger.about("consent", withdrawn.toString(), 10).isEmpty());
        var session = session(Role.AUDITOR);

        for (var words : List.of("consentement retiré", "CONSENTEMENT retire", "withdrawn", "consent withdrawn")) {
            var csv = mvc.perform(
                            get("/console/ledger/export.csv").param("q", words).session(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(csv).as(words).contains(withdrawn.toString()).doesNotContain(granted.toString());
            if (words.toLowerCase(java.util.Locale.ROOT)
                    .contains("consent")) { // "withdrawn" alone finds refusals withdrawn too
                csv.lines().skip(1).forEach(line -> assertThat(line).contains(",consent.recorded,"));
            }
        }
        assertThat(ledgerPage("consentement donné", session))
                .contains(granted.toString())
                .doesNotContain(withdrawn.toString());
        assertThat(ledgerPage("demande reçue", session)).doesNotContain(withdrawn.toString());
        assertThat(ledgerPage("zzzz nothing", session)).contains("id=\"ledger-empty\"");
    }

    private String ledgerPage(String words, org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(get("/console/ledger").param("q", words).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theConsentHistoryIsFilteredByPurposeAndStatePagedAndExported() throws Exception {
        var address = "lists-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        consent(address, ConsentTerms.State.GRANTED);
        consent(address, ConsentTerms.State.WITHDRAWN);
        var session = session(Role.PRIVACY_OFFICER);

        var withdrawn = page("/console/consent/records?purpose=lists-news&state=WITHDRAWN", session);
        assertThat(withdrawn)
                .contains("id=\"consent-records\"")
                .contains("Retiré")
                .doesNotContain("<td>Consentement donné</td>");
        assertThat(withdrawn).doesNotContain(address);
        var none = page("/console/consent/records?purpose=lists-news&from=2999-01-01", session);
        assertThat(none).contains("id=\"consent-empty\"");
        var english = page("/console/consent/records?lang=en", session);
        assertThat(english).contains("Consent history");

        var csv = mvc.perform(get("/console/consent/records/export.csv?purpose=lists-news")
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        // the session asked for English above: headers and values in the reader's language, never raw enums or UTC
        assertThat(csv)
                .startsWith("\uFEFFSequence number,Recorded at,Purpose code,Purpose,State,Kind,Given by,Channel");
        assertThat(csv).contains("Withdrawn", "The person").doesNotContain("WITHDRAWN", "EXPRESS", "PERSON");
        assertThat(csv).containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[-+]\\d{2}:\\d{2}");
        assertThat(csv.split("\r\n")).hasSizeGreaterThanOrEqualTo(3);

        var seen = new HashSet<Long>();
        Long after = null;
        do {
            var page = reports.page(new ConsentQuery("lists-news", null, null, null, false, after, 1));
            page.rows().forEach(r -> assertThat(seen.add(r.seq())).isTrue());
            after = page.next() == null
                    ? null
                    : Long.valueOf(Listing.keyset(page.next(), 1).orElseThrow().getFirst());
        } while (after != null);
        assertThat(seen).hasSizeGreaterThanOrEqualTo(2);

        for (var query :
                List.of("state=NOPE&purpose=", "after=%%%", "after=" + Listing.cursor(List.of("abc")), "dir=x")) {
            mvc.perform(get("/console/consent/records?" + query).session(session))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/console/consent/records?from=yesterday").session(session))
                .andExpect(status().isBadRequest());
    }

    @Test
    void staffMayNotSeeTheLedgerOrTheConsentHistoryNorExportThem() throws Exception {
        var staff = session(Role.STAFF);
        for (var path : List.of(
                "/console/ledger/export.csv", "/console/consent/records", "/console/consent/records/export.csv")) {
            mvc.perform(get(path).session(staff)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/console/requests/export.csv").session(staff)).andExpect(status().isOk());
        mvc.perform(get("/console/consent/records/export.csv")).andExpect(status().is3xxRedirection());
    }

    private String email(UUID request) {
        return requests.get(request).identifiers().stream()
                .filter(i -> i.kind() == ca.gardien.shared.IdentifierKind.EMAIL)
                .findFirst()
                .orElseThrow()
                .value();
    }

    private UUID consent(String address, ConsentTerms.State state) {
        return consents.record(
                        new ConsentRequest(
                                new ConsentRequest.SubjectIds(address, null, null, null),
                                "lists-news",
                                state,
                                ConsentTerms.Kind.EXPRESS,
                                null,
                                ConsentTerms.Channel.API,
                                null,
                                null,
                                null,
                                null,
                                null),
                        Actor.SYSTEM)
                .id();
    }

    /** An access request from Québec received by mail at this moment, for a synthetic customer number. */
    static ca.gardien.requests.NewRequest mailed(java.time.Instant received) {
        return new ca.gardien.requests.NewRequest(
                "ACCESS",
                new ca.gardien.requests.NewRequest.Subject(
                        null, null, "Z-" + UUID.randomUUID().toString().substring(0, 8)),
                "QC",
                "MAIL",
                "fr",
                null,
                null,
                null,
                received);
    }
}
