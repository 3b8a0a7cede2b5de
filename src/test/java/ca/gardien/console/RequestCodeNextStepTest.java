package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Role;
import ca.gardien.requests.NewRequest;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/**
 * The officer's walk of 2026-12-05: once the person typed their codes, the public code page said "we still have to
 * review your proof" when no proof was ever asked or given. It now says what truly comes next. (In the console's test
 * context: its data maps make a review required or not.)
 */
class RequestCodeNextStepTest extends RequestConsoleSupport {

    private UUID portal(String email) {
        return received("ACCESS", new NewRequest.Subject(email, null, null), "PORTAL");
    }

    private String codePage(UUID id, String lang) throws Exception {
        return page("/privacy/requests/" + id + "/code" + (lang == null ? "" : "?lang=" + lang), new MockHttpSession());
    }

    @Test
    void sensitiveInformationInScopeSaysStaffConfirmTheIdentityNotThatAProofIsUnderReview() throws Exception {
        inventory.apply(RequestConsoleWorkTest.SENSITIVE_MAP, Actor.SYSTEM);
        var id = portal("sensible-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        assertThat(codePage(id, null))
                .contains("id=\"codes-done\"")
                .doesNotContain("examiner votre preuve")
                .contains("renseignements sensibles")
                // the data map says what the organization may hold; the person did not say their request is sensitive
                .contains("nos dossiers peuvent contenir des renseignements sensibles")
                .doesNotContain("votre demande porte sur");
        assertThat(codePage(id, "en"))
                .contains("our records may hold sensitive information")
                .doesNotContain("review your proof");
    }

    @Test
    void aCustomerNumberStillToCheckSaysSoAndACancelledRequestSaysItIsCancelled() throws Exception {
        var id = received("ACCESS"); // an email and a customer number
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        assertThat(codePage(id, null)).doesNotContain("examiner votre preuve").contains("numéro de client");
        assertThat(codePage(id, "en")).contains("customer number");

        act(session(Role.STAFF), id, "/cancel");
        assertThat(codePage(id, null)).doesNotContain("examiner votre preuve").contains("annulée");
    }

    @Test
    void aProvenIdentitySaysTheRequestIsBeingProcessed() throws Exception {
        var id = portal("simple-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        verification.verify(id, IdentifierKind.EMAIL, code(id));
        assertThat(codePage(id, null)).contains("Votre identité est confirmée");
    }
}
