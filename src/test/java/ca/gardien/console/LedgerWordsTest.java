package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.ledger.LedgerEntry;
import ca.gardien.ledger.LedgerQuery;
import ca.gardien.shared.Actor;
import ca.gardien.shared.Bundles;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The ledger's actions in words by the way they were done (officer's review): an identifier verified by staff against
 * the customer file does not read "verified with a code", and a wrong code has words of its own that the search finds.
 */
class LedgerWordsTest {

    private final LedgerWords words = new LedgerWords(Bundles.messages(), null);

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    private static LedgerEntry entry(String action, String payload) {
        return new LedgerEntry(
                1,
                UUID.randomUUID(),
                Instant.EPOCH,
                Instant.EPOCH,
                Actor.SYSTEM,
                action,
                "request",
                "r",
                payload,
                "0",
                "0");
    }

    @Test
    void anIdentifierVerifiedIsSaidByItsMethodKindAndBasis() {
        var staff =
                "{\"basis\":\"CUSTOMER_RECORD_MATCH\",\"kind\":\"CUSTOMER\",\"method\":\"STAFF\",\"reasonLength\":\"12\"}";
        var code = "{\"kind\":\"EMAIL\",\"method\":\"CODE\"}";
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        assertThat(words.action(entry("requests.identifier-verified", staff)))
                .isEqualTo("Numéro de client vérifié par le personnel — Correspond au dossier client");
        assertThat(words.action(entry("requests.identifier-verified", code))).isEqualTo("Courriel vérifié par un code");
        assertThat(words.action(entry("requests.person-verified", "{\"basis\":\"IN_PERSON_ID_CHECK\"}")))
                .isEqualTo("Identité vérifiée par le personnel — Pièce d’identité vérifiée en personne");
        assertThat(words.action(entry("requests.verification-failed", "{\"kind\":\"EMAIL\",\"attempt\":\"1\"}")))
                .isEqualTo("Vérification échouée : code erroné");
        LocaleContextHolder.setLocale(Locale.CANADA);
        assertThat(words.action(entry("requests.identifier-verified", staff)))
                .isEqualTo("Customer number checked by staff — Matches the customer file");
        assertThat(words.action(entry("requests.identifier-verified", code))).isEqualTo("Email verified with a code");
        assertThat(words.action(entry("requests.received", "{}"))).isEqualTo("Request received");
    }

    @Test
    void theActorsOfAPageAreSaidFromOneReadOfTheAccountsByNameAndRoleForThoseWhoListThem() {
        var officer = new ca.gardien.organization.AccountRow(
                UUID.randomUUID(),
                "alex",
                "Alex Exemple",
                java.util.Set.of(ca.gardien.organization.Role.PRIVACY_OFFICER, ca.gardien.organization.Role.STAFF),
                false,
                true,
                null);
        var auditor = new ca.gardien.organization.AccountRow(
                UUID.randomUUID(),
                "audra",
                null,
                java.util.Set.of(ca.gardien.organization.Role.AUDITOR),
                false,
                true,
                null);
        var accounts = org.mockito.Mockito.mock(ca.gardien.organization.AccountViews.class);
        org.mockito.Mockito.when(accounts.all()).thenReturn(java.util.List.of(officer, auditor));
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        var words = new LedgerWords(Bundles.messages(), accounts);

        var named = words.actors(true);
        for (int line = 0; line < 50; line++) { // a page of lines by the same few actors
            assertThat(named.apply("ACCOUNT:" + officer.id())).isEqualTo("Alex Exemple — Personne responsable");
            assertThat(named.apply("ACCOUNT:" + auditor.id())).isEqualTo("audra — Auditeur");
        }
        assertThat(named.apply("ACCOUNT:" + UUID.randomUUID()))
                .as("an account since deleted")
                .isEqualTo("Membre du personnel");
        assertThat(named.apply("ACCOUNT:not-an-id")).isEqualTo("Membre du personnel");
        assertThat(named.apply("SYSTEM:gardien")).isEqualTo("Gardien");
        assertThat(named.apply("SUBJECT:" + UUID.randomUUID())).isEqualTo("Personne concernée");
        assertThat(words.actors(false).apply("ACCOUNT:" + officer.id()))
                .as("a reader who may not list the accounts reads the role alone")
                .isEqualTo("Personne responsable");
        org.mockito.Mockito.verify(accounts, org.mockito.Mockito.times(2)).all(); // once per page, not per line
        org.mockito.Mockito.verify(accounts, org.mockito.Mockito.never()).actingRole(org.mockito.Mockito.any());
    }

    @Test
    void aWrongCodeIsFoundByTheWordsAnOfficerTypes() {
        var search = new LedgerSearchWords(Bundles.messages(), words);
        var failed = new LedgerQuery.Kind("requests.verification-failed", null);
        for (var typed : new String[] {"vérification échouée", "échec", "code erroné", "verification failed"}) {
            assertThat(search.kinds(typed)).as(typed).contains(failed);
        }
        assertThat(search.kinds("vérifié par un code"))
                .as("the ways of an action are searched too, and find the entries done that way")
                .contains(new LedgerQuery.Kind("requests.identifier-verified", "\":\"CODE\""));
    }

    @Test
    void aProofOfIdentityReadsRefusedOrAcceptedAndHow() {
        var rejected = "{\"review\":\"REJECTED\"}";
        var inPerson = "{\"by\":\"person-verified\",\"review\":\"APPROVED\"}";
        var approved = "{\"review\":\"APPROVED\"}";
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        assertThat(words.action(entry("requests.identity-reviewed", rejected))).isEqualTo("Preuve d’identité refusée");
        assertThat(words.action(entry("requests.identity-reviewed", inPerson)))
                .isEqualTo("Preuve d’identité acceptée (vérification en personne)");
        assertThat(words.action(entry("requests.identity-reviewed", approved))).isEqualTo("Preuve d’identité acceptée");
        LocaleContextHolder.setLocale(Locale.CANADA);
        assertThat(words.action(entry("requests.identity-reviewed", rejected))).isEqualTo("Proof of identity refused");
        assertThat(words.action(entry("requests.identity-reviewed", inPerson)))
                .isEqualTo("Proof of identity accepted (checked in person)");
    }

    @Test
    void anAnswerHandedOverByPostOrInPersonIsNotSaidToBeSent() {
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        assertThat(words.action(entry("requests.sent", "{\"channel\":\"POSTAL\",\"outcome\":\"ACCESS\"}")))
                .isEqualTo("Réponse remise par la poste");
        assertThat(words.action(entry("requests.sent", "{\"channel\":\"IN_PERSON\",\"outcome\":\"ACCESS\"}")))
                .isEqualTo("Réponse remise en personne");
        assertThat(words.action(entry("requests.sent", "{\"channel\":\"EMAIL\",\"outcome\":\"ACCESS\"}")))
                .isEqualTo("Réponse envoyée par courriel (lien de téléchargement)");
        LocaleContextHolder.setLocale(Locale.CANADA);
        assertThat(words.action(entry("requests.sent", "{\"channel\":\"POSTAL\",\"outcome\":\"ACCESS\"}")))
                .isEqualTo("Answer handed over by post");
        assertThat(words.action(entry("requests.sent", "{\"channel\":\"IN_PERSON\",\"outcome\":\"ACCESS\"}")))
                .isEqualTo("Answer handed over in person");
    }

    @Test
    void anAnswerWhoseLinkWaitsInTheOutboxIsSaidPlacedThereNotSent() {
        var email = "{\"channel\":\"EMAIL\",\"outbox\":\"held\",\"outcome\":\"ACCESS\"}";
        var sms = "{\"channel\":\"SMS\",\"outbox\":\"held\",\"outcome\":\"ACCESS\"}";
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        assertThat(words.action(entry("requests.sent", email)))
                .isEqualTo("Réponse placée dans la boîte d’envoi (courriel retenu\u202f: aucun serveur de courriel)");
        assertThat(words.action(entry("requests.sent", sms)))
                .isEqualTo("Réponse placée dans la boîte d’envoi (texto retenu\u202f: aucun service de texto)");
        LocaleContextHolder.setLocale(Locale.CANADA);
        assertThat(words.action(entry("requests.sent", email)))
                .isEqualTo("Answer placed in the outbox (email held: no mail server)");
        assertThat(new LedgerSearchWords(Bundles.messages(), words).kinds("retenu"))
                .contains(new LedgerQuery.Kind("requests.sent", "\":\"held\""));
    }

    @Test
    void aComplaintLetterWhoseEmailWaitsInTheOutboxIsSaidPlacedThereNotSent() {
        var answer = "{\"answeredOn\":\"2026-12-07\",\"by\":\"EMAIL\",\"outbox\":\"held\"}";
        var information = "{\"on\":\"2026-12-07\",\"outbox\":\"held\"}";
        var notice = "{\"by\":\"EMAIL\",\"newDueOn\":\"2027-01-20\",\"outbox\":\"held\"}";
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        var held = " placée dans la boîte d’envoi (courriel retenu\u202f: aucun serveur de courriel)";
        assertThat(words.action(entry("complaints.answered", answer))).isEqualTo("Réponse motivée" + held);
        assertThat(words.action(entry("complaints.information-requested", information)))
                .isEqualTo("Demande de renseignements supplémentaires" + held);
        assertThat(words.action(entry("complaints.delay-notice", notice)))
                .isEqualTo(
                        "Avis de retard placé dans la boîte d’envoi (courriel retenu\u202f: aucun serveur de courriel)");
        // sent while a mail server was configured: the words as before
        assertThat(words.action(entry("complaints.answered", "{\"by\":\"EMAIL\"}")))
                .isEqualTo("Réponse motivée envoyée au plaignant");
        LocaleContextHolder.setLocale(Locale.CANADA);
        assertThat(words.action(entry("complaints.answered", answer)))
                .isEqualTo("Reasoned answer placed in the outbox (email held: no mail server)");
        assertThat(new LedgerSearchWords(Bundles.messages(), words).kinds("retenu"))
                .contains(new LedgerQuery.Kind("complaints.answered", "\":\"held\""));
    }

    @Test
    void aRefusedProofAndAPostalAnswerAreFoundByTheirOwnWords() {
        var search = new LedgerSearchWords(Bundles.messages(), words);
        assertThat(search.kinds("refus"))
                .contains(new LedgerQuery.Kind("requests.identity-reviewed", "\":\"REJECTED\""))
                .doesNotContain(new LedgerQuery.Kind("requests.identity-reviewed", "\":\"APPROVED\""));
        assertThat(search.kinds("poste")).contains(new LedgerQuery.Kind("requests.sent", "\":\"POSTAL\""));
        assertThat(search.kinds("in person"))
                .contains(new LedgerQuery.Kind("requests.sent", "\":\"IN_PERSON\""))
                .contains(new LedgerQuery.Kind("requests.identity-reviewed", "\":\"person-verified\""));
    }

    @Test
    void aTaskIsSaidWithItsSystemsNameAndWhatItFound() {
        var names = java.util.Map.of("crm", "GRC infonuagique");
        var found = "{\"outcome\":\"FOUND\",\"records\":\"2\",\"system\":\"crm\",\"task\":\"t\"}";
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        assertThat(words.action(entry("requests.task-completed", found), names))
                .isEqualTo("Tâche terminée — GRC infonuagique : renseignements trouvés (2)");
        assertThat(words.action(entry("requests.task-opened", "{\"system\":\"crm\",\"dueOn\":\"2026-12-01\"}"), names))
                .isEqualTo("Tâche ouverte — GRC infonuagique");
        assertThat(words.action(
                        entry("requests.task-completed", "{\"outcome\":\"NOT_FOUND\",\"system\":\"gone\"}"), names))
                .as("a system the map no longer has is named by its id")
                .isEqualTo("Tâche terminée — gone : aucun renseignement trouvé");
        assertThat(words.action(entry("requests.task-completed", found)))
                .as("without the names, never the id")
                .isEqualTo("Tâche terminée");
        var line = new ca.gardien.requests.RequestView.TimelineEntry(
                7, Instant.EPOCH, "requests.task-completed", "SYSTEM:gardien", found, 1);
        LocaleContextHolder.setLocale(Locale.CANADA);
        assertThat(words.action(line, names)).isEqualTo("Task completed — GRC infonuagique: information found (2)");
        // the task's card counts pieces of information, not records: so does its fact once it carries the count
        var counted = "{\"outcome\":\"FOUND\",\"records\":\"2\",\"fields\":\"5\",\"system\":\"crm\",\"task\":\"t\"}";
        LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
        assertThat(words.action(entry("requests.task-completed", counted), names))
                .isEqualTo("Tâche terminée — GRC infonuagique : renseignements trouvés (5)");
    }

    /**
     * Officer's review (2026-12-07): with no mail server the ledger read "Acknowledgment sent" while the message sat in
     * the outbox. Gardien records that it placed the message in its outbox; the outbox says whether it left.
     */
    @Test
    void aMessageGardienQueuesIsSaidPlacedInTheOutboxNotSent() {
        for (var action : new String[] {
            "requests.acknowledged",
            "requests.code-sent",
            "requests.reminder-sent",
            "complaints.acknowledged",
            "complaints.reminder-sent",
            "incidents.reminder-sent",
            "governance.reminder-sent"
        }) {
            LocaleContextHolder.setLocale(Locale.CANADA);
            assertThat(words.action(entry(action, "{}")))
                    .endsWith("placed in the outbox")
                    .doesNotContain("sent");
            LocaleContextHolder.setLocale(Locale.CANADA_FRENCH);
            assertThat(words.action(entry(action, "{}"))).endsWith("placé dans la boîte d’envoi");
        }
    }
}
