package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.consent.ConsentLedger;
import ca.gardien.consent.ConsentRecord;
import ca.gardien.consent.ConsentRequest;
import ca.gardien.consent.ConsentTerms;
import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** The console's consent pages: rates per purpose, one subject's history, exports; closed to staff. */
class ConsoleConsentTest extends WebTestSupport {

    static final String MAP = """
            subjectCategories:
              - {id: customer, name: {fr: Clients, en: Customers}}
            piCategories:
              - {id: contact, name: {fr: Coordonnées, en: Contact information}}
            purposes:
              - {id: console-news, name: {fr: Nouvelles de la console, en: Console news}, kind: primary}
            legalBases:
              - {id: consent, kind: express-consent, name: {fr: Consentement, en: Consent}}
            processingActivities:
              - {id: a, name: {fr: A, en: A}, subjects: [customer], categories: [contact],
                 purposes: [console-news], legalBasis: consent, source: person}
            """;

    @Autowired
    Inventory inventory;

    @Autowired
    ConsentLedger consents;

    String email;
    ConsentRecord granted;

    @BeforeEach
    void records() {
        inventory.apply(MAP, Actor.SYSTEM);
        email = "console-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        granted = record(email, ConsentTerms.State.GRANTED);
        var other = "console-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        record(other, ConsentTerms.State.GRANTED);
        record(other, ConsentTerms.State.WITHDRAWN);
    }

    ConsentRecord record(String address, ConsentTerms.State state) {
        return record(new ConsentRequest.SubjectIds(address, null, null, null), state);
    }

    ConsentRecord record(ConsentRequest.SubjectIds subject, ConsentTerms.State state) {
        return consents.record(
                new ConsentRequest(
                        subject,
                        "console-news",
                        state,
                        ConsentTerms.Kind.EXPRESS,
                        null,
                        ConsentTerms.Channel.API,
                        null,
                        null,
                        null,
                        null,
                        null),
                Actor.SYSTEM);
    }

    MockHttpSession officer() throws Exception {
        return login(OFFICER, OFFICER_PASSWORD);
    }

    @Test
    void showsCountsAndRatePerPurposeInFrenchAndEnglish() throws Exception {
        var html = mvc.perform(get("/console/consent").session(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Taux par fin")))
                .andExpect(content().string(containsString("Nouvelles de la console")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var row = html.substring(html.indexOf("data-purpose=\"console-news\""));
        row = row.substring(0, row.indexOf("</tr>"));
        // shared database: other runs of this test add to the counts, so check the shape and that both states count
        assertThat(row).containsPattern("data-col=\"granted\">[1-9]\\d*<");
        assertThat(row).containsPattern("data-col=\"withdrawn\">[1-9]\\d*<");
        assertThat(row).containsPattern("data-col=\"rate\">\\d+[,.]\\d[^<]*%<");
        // the language is remembered per account: switch a delegate of its own, not the shared officer
        var delegate = person(Role.DELEGATE);
        mvc.perform(get("/console/consent")
                        .param("lang", "en")
                        .session(login(delegate.username(), delegate.password())))
                .andExpect(content().string(containsString("Rates per purpose")))
                .andExpect(content().string(containsString("Console news")));
    }

    /** Officer's walk: the cookie banner's purposes read {@code cookie-statistics} among the rates. */
    @Test
    void namesTheCookieBannersPurposesInWords() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/consent/choices")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"visitor\": \"v%s\", \"choices\": {\"statistics\": true}}"
                                .formatted(UUID.randomUUID().toString().replace("-", ""))))
                .andExpect(status().isNoContent());

        var html = mvc.perform(get("/console/consent").session(officer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var row = html.substring(html.indexOf("data-purpose=\"cookie-statistics\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("<td>Statistiques (témoins)</td>");
    }

    /** Officer's review (2026-12-07): the console never said how to put the banner on the website. */
    @Test
    void givesTheBannersTwoLinesAtGardiensPublicAddress() throws Exception {
        var html = mvc.perform(get("/console/consent").session(officer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("Bannière de témoins sur votre site web")
                .contains(
                        "&lt;link rel=&quot;stylesheet&quot; href=&quot;http://localhost:8080/consent/banner.css&quot;&gt;")
                .contains("&lt;script src=&quot;http://localhost:8080/consent/banner.js&quot;&gt;&lt;/script&gt;")
                .contains("data-gardien-category=\"statistics\"")
                // the two exports say how they differ (officer's review)
                .contains("Pour n’exporter qu’une recherche, utilisez l’export de l’historique.");
    }

    @Test
    void showsOneSubjectsHistoryFoundByIdentifierWithoutEchoingIt() throws Exception {
        mvc.perform(post("/console/consent/subject")
                        .session(officer())
                        .with(csrf())
                        .param("identifier", "email:" + email.toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(granted.id().toString())))
                .andExpect(content().string(not(containsString(email))));
    }

    @Test
    void findsOnePersonByAPlainEmailOrPhoneTypedWithoutItsKind() throws Exception {
        mvc.perform(post("/console/consent/subject")
                        .session(officer())
                        .with(csrf())
                        .param("identifier", " " + email.toUpperCase() + " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(granted.id().toString())));
        var phone = "514 555-" + (1000 + new java.util.Random().nextInt(9000));
        var byPhone = record(new ConsentRequest.SubjectIds(null, phone, null, null), ConsentTerms.State.GRANTED);
        mvc.perform(post("/console/consent/subject")
                        .session(officer())
                        .with(csrf())
                        .param("identifier", "(514) " + phone.substring(4)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(byPhone.id().toString())));
    }

    @Test
    void saysSoWhenTheIdentifierIsInvalidOrUnknown() throws Exception {
        mvc.perform(post("/console/consent/subject")
                        .session(officer())
                        .with(csrf())
                        .param("identifier", "email:not-an-address"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("pas valide")));
        mvc.perform(post("/console/consent/subject")
                        .session(officer())
                        .with(csrf())
                        .param("identifier", "email:nobody-" + UUID.randomUUID() + "@example.test"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Aucune personne")));
    }

    @Test
    void exportsTheRecordsAsCsvAndJsonAndRecordsTheExportInTheLedger() throws Exception {
        var auditor = person(Role.AUDITOR);
        var session = login(auditor.username(), auditor.password());
        var csv = mvc.perform(post("/console/consent/export")
                        .session(session)
                        .with(csrf())
                        .param("format", "csv"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("gardien-consents.csv")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv)
                .startsWith("\uFEFFEnregistrement,Personne (identifiant interne),Code de la fin,Fin,État")
                .contains(granted.id().toString());
        assertThat(csv).doesNotContain(email);
        var line = csv.lines()
                .filter(l -> l.startsWith(granted.id().toString()))
                .findFirst()
                .orElseThrow();
        // labels in the reader's language, the organization's time with its offset, no raw enum or UTC instant
        assertThat(line)
                .contains("Nouvelles de la console", "Consentement donné", "Exprès", "La personne elle-même")
                .contains("Programme (API)")
                .doesNotContain("GRANTED", "EXPRESS", "PERSON", ",API,")
                .doesNotContainPattern("T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z")
                .containsPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[-+]\\d{2}:\\d{2}");
        var english = mvc.perform(post("/console/consent/export")
                        .session(session)
                        .with(csrf())
                        .param("format", "csv")
                        .param("lang", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(english)
                .startsWith("\uFEFFRecord,Person (internal id),Purpose code")
                .contains("Console news", "Consent given", "Express", "The person", "Program (API)");
        mvc.perform(post("/console/consent/export")
                        .session(session)
                        .with(csrf())
                        .param("format", "json"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"id\":\"" + granted.id() + "\"")));
        mvc.perform(post("/console/consent/export")
                        .session(session)
                        .with(csrf())
                        .param("format", "xml"))
                .andExpect(status().isBadRequest());
        var entry = awaitLedgerEntry(
                "consent.exported", e -> auditor.id().toString().equals(actorId(e)));
        assertThat((String) entry.get("payload")).contains("sha256").contains("records");
    }

    @Test
    void saysWhyNoIabTcfStringIsEmittedWithoutARegisteredCmpIdInFrenchAndEnglish() throws Exception {
        mvc.perform(get("/console/consent").session(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"iab-status\" class=\"notice\""))) // not an alarm
                .andExpect(content().string(containsString("À régler seulement si votre site travaille avec des")))
                .andExpect(content().string(containsString("data-reason=\"cmp-id-unset\"")))
                .andExpect(content().string(containsString("data-reason=\"vendor-list-version-unset\"")))
                .andExpect(content()
                        .string(containsString("le numéro de CMP attribué par IAB Tech Lab n’est pas configuré")))
                .andExpect(content().string(containsString("comme le décrit la documentation d’exploitation")))
                // the setting's key only in the administrator's hint, never in the sentence the officer reads
                .andExpect(content().string(containsString("<code data-raw>gardien.consent.iab.cmp-id</code>")))
                .andExpect(content().string(not(containsString("configuré (gardien.consent"))));
        var delegate = person(Role.DELEGATE);
        var english = mvc.perform(get("/console/consent")
                        .param("lang", "en")
                        .session(login(delegate.username(), delegate.password())))
                .andExpect(content().string(containsString("Gardien emits no TCF string")))
                .andExpect(
                        content().string(containsString("the CMP number assigned by IAB Tech Lab is not configured")))
                .andExpect(content().string(containsString("ask Gardien’s administrator to set it")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var read = readAsText(english);
        assertThat(read).doesNotContain("gardien.consent.iab.");
    }

    @Test
    void refusesStaffAndShowsTheNavigationEntryToTheOfficer() throws Exception {
        var staff = person(Role.STAFF);
        var session = login(staff.username(), staff.password());
        mvc.perform(get("/console/consent").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/console/consent/export").session(session).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/consent/subject")
                        .session(session)
                        .with(csrf())
                        .param("identifier", "email:" + email))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console").session(officer()))
                .andExpect(content().string(containsString("href=\"/console/consent\"")));
    }

    @Test
    void opensOnePersonsHistoryFromTheLedgersLinkWithoutAnyIdentifierOfThePerson() throws Exception {
        mvc.perform(get("/console/consent/subjects/" + granted.subjectId()).session(officer()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"consent-history\"")))
                .andExpect(content().string(containsString("Nouvelles de la console")))
                .andExpect(content().string(not(containsString(email))));
        mvc.perform(get("/console/consent/subjects/" + UUID.randomUUID()).session(officer()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Aucune personne")));
        mvc.perform(get("/console/consent/subjects/not-an-id").session(officer()))
                .andExpect(status().isNotFound());
        // an id that is none in a console address: the console's frame (navigation, the dashboard), as for a 404
        mvc.perform(get("/console/requests/not-an-id").session(officer()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"console-nav\"")))
                .andExpect(content().string(containsString("return=/console/requests/not-an-id\"")))
                .andExpect(content().string(not(containsString("Retour à l’accueil"))));
        var staff = person(Role.STAFF);
        mvc.perform(get("/console/consent/subjects/" + granted.subjectId())
                        .session(login(staff.username(), staff.password())))
                .andExpect(status().isForbidden());
    }

    @Test
    void onePersonsHistoryReadsInWordsWithTheRecordIdOnlyOneClickAway() throws Exception {
        var delegate = person(Role.DELEGATE); // the language is remembered per account: not the shared officer's
        var session = login(delegate.username(), delegate.password());
        for (var language : new String[] {"fr", "en"}) {
            var html = mvc.perform(get("/console/consent/subjects/" + granted.subjectId())
                            .param("lang", language)
                            .session(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            var start = html.indexOf("id=\"consent-history\"");
            var table = html.substring(start, html.indexOf("</table>", start));
            assertThat(table)
                    .contains(language.equals("fr") ? "Consentement donné" : "Consent given")
                    .contains(language.equals("fr") ? "Afficher l’identifiant" : "Show the identifier")
                    .as("no end of validity reads « — », as on the records' list (officer's walk: a blank cell)")
                    .contains("<td>—</td>");
            // the text a person reads: without the raw entries (data-raw) and the attributes
            var read = readAsText(table);
            assertThat(read).as(language).doesNotContain(granted.id().toString());
        }
    }
}
