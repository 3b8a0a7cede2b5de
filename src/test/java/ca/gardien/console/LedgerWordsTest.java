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
                .isEqualTo("Identité vérifiée par le personnel — Pièce d'identité vérifiée en personne");
        assertThat(words.action(entry("requests.verification-failed", "{\"kind\":\"EMAIL\",\"attempt\":\"1\"}")))
                .isEqualTo("Vérification échouée : code erroné");
        LocaleContextHolder.setLocale(Locale.CANADA);
        assertThat(words.action(entry("requests.identifier-verified", staff)))
                .isEqualTo("Customer number checked by staff — Matches the customer file");
        assertThat(words.action(entry("requests.identifier-verified", code))).isEqualTo("Email verified with a code");
        assertThat(words.action(entry("requests.received", "{}"))).isEqualTo("Request received");
    }

    @Test
    void aWrongCodeIsFoundByTheWordsAnOfficerTypes() {
        var search = new LedgerSearchWords(Bundles.messages(), words);
        var failed = new LedgerQuery.Kind("requests.verification-failed", null);
        for (var typed : new String[] {"vérification échouée", "échec", "code erroné", "verification failed"}) {
            assertThat(search.kinds(typed)).as(typed).contains(failed);
        }
        assertThat(search.kinds("vérifié par un code"))
                .as("the ways of an action are searched too")
                .contains(new LedgerQuery.Kind("requests.identifier-verified", null));
    }
}
