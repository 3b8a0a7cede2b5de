package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import ca.gardien.complaints.Complaints;
import ca.gardien.connectors.ConnectorDesk;
import ca.gardien.connectors.ConnectorRunName;
import ca.gardien.incidents.IncidentReferences;
import ca.gardien.ledger.LedgerEntry;
import ca.gardien.organization.AccountRow;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.OrganizationTime;
import ca.gardien.organization.Role;
import ca.gardien.requests.RequestViews;
import ca.gardien.shared.Actor;
import ca.gardien.shared.Bundles;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The ledger's object column in words (officer's review): an account by its username, a message by its kind, a policy
 * by its title, the organization's profile and the data map by what they are, in the page's language, not by raw ids.
 */
class LedgerReferencesTest {

    private final AccountViews accounts = mock(AccountViews.class);
    private final ConnectorDesk connectors = mock(ConnectorDesk.class);
    private final ca.gardien.retention.RetentionRunNames retentionRuns =
            mock(ca.gardien.retention.RetentionRunNames.class);
    private final ca.gardien.consent.ConsentRecordNames consentRecords =
            mock(ca.gardien.consent.ConsentRecordNames.class);
    private final ca.gardien.inventory.PurposeNames purposes = mock(ca.gardien.inventory.PurposeNames.class);
    private final RequestViews requests = mock(RequestViews.class);
    private final Complaints complaints = mock(Complaints.class);
    private final IncidentReferences incidents = mock(IncidentReferences.class);
    private final LedgerReferences references = new LedgerReferences(
            new FileReferences(requests, complaints, incidents, mock(ca.gardien.mail.OutboxViews.class)),
            accounts,
            Bundles.messages(),
            connectors,
            new ConsoleTimes(OrganizationTime.of(ZoneId.of("America/Toronto"), Clock.systemUTC())),
            retentionRuns,
            consentRecords,
            new ConsentPurposeNames(purposes, Bundles.messages()),
            new LedgerTitles(
                    List.of(),
                    mock(ca.gardien.inventory.MapNames.class),
                    mock(ca.gardien.inventory.Inventory.class),
                    Bundles.messages()));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static LedgerEntry entry(String type, String id, String payload) {
        return new LedgerEntry(
                1, UUID.randomUUID(), Instant.EPOCH, Instant.EPOCH, Actor.SYSTEM, "x.y", type, id, payload, "0", "0");
    }

    @Test
    void objectsAreNamedInTheWordsOfThePage() {
        var account = UUID.randomUUID();
        var message = UUID.randomUUID().toString();
        when(accounts.all())
                .thenReturn(
                        List.of(new AccountRow(account, "jtremblay", "Jeanne", Set.of(Role.STAFF), false, true, null)));
        var entries = List.of(
                entry("account", account.toString(), "{}"),
                entry("mail-message", message, "{\"channel\":\"EMAIL\",\"template\":\"requests.acknowledgement\"}"),
                entry("policy", "privacy-policy", "{}"),
                entry("organization", "profile", "{}"),
                entry("inventory", "data-map", "{}"));
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        var french = references.of(entries, true);
        assertThat(french)
                .containsEntry(account.toString(), "jtremblay")
                .containsEntry(message, "accusé de réception d’une demande")
                .containsEntry( // quoted after its kind, "Politique ou directive" (officer's walk: a kind said twice)
                        "privacy-policy",
                        "«\u202fPolitique de confidentialité et de protection des renseignements personnels\u202f»")
                .containsEntry("profile", "(profil)") // after its type: "Organisation (profil)" (officer's review)
                .containsEntry("data-map", "de l’organisation");
        LocaleContextHolder.setLocale(Locale.CANADA);
        assertThat(references.of(entries, true))
                .containsEntry(message, "request acknowledgement")
                .containsEntry("data-map", "of the organization");
    }

    @Test
    void anApprovedNoticeVersionLinksToItsPublicPageAndNothingElseDoes() {
        var links = references.links(
                List.of(entry("privacy-notice", "3", "{}"), entry("privacy-notice", "../3", "{}")),
                Set.of(Role.AUDITOR));
        assertThat(links).containsExactly(java.util.Map.entry("3", "/privacy/versions/3"));
    }

    @Test
    void aReaderWhoMayNotListTheAccountsIsNotShownTheirUsernames() {
        var account = UUID.randomUUID().toString();
        assertThat(references.of(List.of(entry("account", account, "{}")), false))
                .doesNotContainKey(account);
        verify(accounts, never()).all();
    }

    @Test
    void connectorsRunsAndPersonsOfTheConsentLedgerAreNamedInWordsNeverByTheirIds() {
        var run = UUID.randomUUID();
        var otherRun = UUID.randomUUID();
        var person = UUID.randomUUID().toString();
        when(connectors.runNames(any()))
                .thenReturn(java.util.Map.of(
                        run, new ConnectorRunName("crm", Instant.parse("2026-11-20T15:00:00Z")),
                        otherRun, new ConnectorRunName("facturation", Instant.parse("2026-11-21T15:00:00Z"))));
        var entries = List.of(
                entry("connector", "crm", "{}"),
                entry("connector-run", run.toString(), "{}"),
                entry("connector-run", otherRun.toString(), "{}"),
                entry("connector-run", run.toString(), "{}"),
                entry("consent-subject", person, "{}"));
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        assertThat(references.of(entries, true))
                .containsEntry("crm", "« crm »")
                // after their kind, never saying it again (officer's walk: "Exécution d’un connecteur exécution du …")
                .containsEntry(run.toString(), "«\u202fcrm\u202f», lancée le 2026-11-20")
                .containsEntry(otherRun.toString(), "«\u202ffacturation\u202f», lancée le 2026-11-21")
                .containsEntry(person, "historique de consentement");
        LocaleContextHolder.setLocale(Locale.CANADA);
        assertThat(references.of(entries, true))
                .containsEntry(run.toString(), "“crm”, started on 2026-11-20")
                .containsEntry(person, "consent history");
        verify(connectors, times(2)).runNames(Set.of(run, otherRun)); // one look-up per page, not per line
    }

    @Test
    void aPersonOfTheConsentLedgerLinksToTheirHistoryAndAConnectorToItsPageForReadersAllowedThere() {
        var person = UUID.randomUUID().toString();
        var entries = List.of(entry("consent-subject", person, "{}"), entry("connector", "crm", "{}"));
        assertThat(references.links(entries, Set.of(Role.PRIVACY_OFFICER)))
                .containsEntry(person, "/console/consent/subjects/" + person)
                .containsEntry("crm", "/console/connectors/crm");
        assertThat(references.links(entries, Set.of(Role.AUDITOR)))
                .containsEntry(person, "/console/consent/subjects/" + person)
                .doesNotContainKey("crm");
        assertThat(references.links(entries, Set.of(Role.STAFF))).isEmpty();
    }

    @Test
    void retentionRunsAndConsentRecordsAreNamedByRuleOrPurposeAndDayAndLinkedForTheirReaders() {
        var run = UUID.randomUUID();
        var record = UUID.randomUUID();
        var subject = UUID.randomUUID();
        var gone = UUID.randomUUID();
        when(retentionRuns.of(any(), any()))
                .thenAnswer(call -> java.util.Map.of(
                        run,
                        new ca.gardien.retention.RetentionRunNames.RunName(
                                "orders",
                                Locale.CANADA_FRENCH.equals(call.getArgument(1)) ? "Commandes" : "Orders",
                                Instant.parse("2026-11-20T15:00:00Z"))));
        when(consentRecords.of(any()))
                .thenReturn(java.util.Map.of(
                        record,
                        new ca.gardien.consent.ConsentRecordNames.RecordName(
                                "newsletter", "REFUSED", Instant.parse("2026-11-21T03:30:00Z"), subject)));
        when(purposes.in(any())).thenReturn(java.util.Map.of("newsletter", "Infolettre"));
        var entries = List.of(
                entry("retention-run", run.toString(), "{}"),
                entry("consent", record.toString(), "{}"),
                entry("consent", gone.toString(), "{}"),
                entry("retention-run", run.toString(), "{}"));
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        var french = references.page(entries, Set.of(Role.AUDITOR));
        assertThat(french.names())
                // "Passage de conservation de la règle « Commandes », lancé le …", not "… passage du …"
                .containsEntry(run.toString(), "de la règle «\u202fCommandes\u202f», lancé le 2026-11-20")
                // 03:30 UTC is the evening before in Québec: the organization's day
                // a refusal is no consent (officer's walk: "Consentement consentement « Marketing »" for a refusal)
                .containsEntry(record.toString(), "«\u202fInfolettre\u202f», refusé le 2026-11-20")
                .containsEntry(gone.toString(), "introuvable");
        assertThat(french.names().values()).noneMatch(name -> name.contains(subject.toString()));
        assertThat(french.links())
                .containsEntry(run.toString(), "/console/retention#rule-orders")
                .containsEntry(record.toString(), "/console/consent/subjects/" + subject);
        LocaleContextHolder.setLocale(Locale.CANADA);
        assertThat(references.page(entries, Set.of(Role.STAFF)))
                .satisfies(page -> assertThat(page.links()).isEmpty())
                .satisfies(page -> assertThat(page.names())
                        .containsEntry(run.toString(), "of rule “Orders”, started on 2026-11-20")
                        .containsEntry(record.toString(), "“Infolettre”, refused on 2026-11-20"));
        verify(consentRecords, times(2)).of(Set.of(record, gone)); // one look-up per page, not per line
    }

    /**
     * Officer's review: a line about a message said "Message · acknowledgement of a request" and not which request; the
     * request and the complaint a message is about are named by their reference, in the page's one look-up of references.
     */
    @Test
    void aMessageLineNamesTheFileItIsAboutByItsReferenceInOneLookUp() {
        var request = UUID.randomUUID();
        var complaint = UUID.randomUUID();
        var gone = UUID.randomUUID();
        var message = UUID.randomUUID().toString();
        var notice = UUID.randomUUID().toString();
        var orphan = UUID.randomUUID().toString();
        when(requests.referencesOf(any())).thenReturn(java.util.Map.of(request, "R-2026-00042"));
        when(complaints.referencesOf(any())).thenReturn(java.util.Map.of(complaint, "C-2026-00007"));
        var incident = UUID.randomUUID();
        var reminder = UUID.randomUUID().toString();
        when(incidents.of(any())).thenReturn(java.util.Map.of(incident, "I-2026-00003"));
        var entries = List.of(
                entry("mail-message", reminder, about("incidents.reminder", "incident", incident)),
                entry("mail-message", message, about("requests.code", "request", request)),
                entry("mail-message", notice, about("complaint-received", "complaint", complaint)),
                entry("mail-message", orphan, about("requests.code", "request", gone)),
                entry("request", request.toString(), "{}"));
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);

        var auditor = references.page(entries, Set.of(Role.AUDITOR)).owners();
        assertThat(auditor.words())
                .containsEntry(message, "demande R-2026-00042")
                .containsEntry(notice, "plainte C-2026-00007")
                // officer's walk: an incident's reminder said which kind of message, not which incident
                .containsEntry(reminder, "incident I-2026-00003")
                .doesNotContainKey(orphan);
        // a complaint's file is confidential: its page opens to the person in charge and delegates, not to auditors
        assertThat(auditor.links())
                .isEqualTo(java.util.Map.of(
                        message, "/console/requests/" + request, reminder, "/console/incidents/" + incident));
        verify(requests).referencesOf(Set.of(request, gone));

        LocaleContextHolder.setLocale(Locale.CANADA);
        var officer = references.page(entries, Set.of(Role.PRIVACY_OFFICER)).owners();
        assertThat(officer.words()).containsEntry(message, "request R-2026-00042");
        assertThat(officer.links()).containsEntry(notice, "/console/complaints/" + complaint);
    }

    private static String about(String template, String type, UUID id) {
        return "{\"channel\":\"EMAIL\",\"relatedId\":\"" + id + "\",\"relatedType\":\"" + type + "\",\"template\":\""
                + template + "\",\"text\":\"shown\"}";
    }
}
