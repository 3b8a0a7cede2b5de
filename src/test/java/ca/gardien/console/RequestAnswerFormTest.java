package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Role;
import org.junit.jupiter.api.Test;

/**
 * The answer form, after the officer's review of the letters it makes: the message's hint says the letter adds its own
 * closing and signature, and the refusal's remedy fields start from the request's jurisdiction profile and say that
 * the letter already states the remedy.
 */
class RequestAnswerFormTest extends RequestConsoleSupport {

    @Test
    void theMessagesHintSaysGardienAddsTheClosingAndTheSignature() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        act(staff, id, "/tasks/" + tasks.of(id).getFirst().id() + "/complete", "outcome", "NOT_FOUND");

        assertThat(page("/console/requests/" + id, staff))
                .contains("id=\"message-hint\"", "aria-describedby=\"message-hint\"")
                .contains("Gardien ajoute lui-même la formule de politesse et la signature");
        assertThat(page("/console/requests/" + id + "?lang=en", staff))
                .contains("Gardien adds the closing and the signature of the person in charge");
    }

    @Test
    void aQuebecRequestsRemedyFieldsStartFromItsProfileInTheRequestsLanguage() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        act(staff, id, "/tasks/" + tasks.of(id).getFirst().id() + "/complete", "outcome", "NOT_FOUND");

        // the request is in French: its letter, and so the remedy's details, are French whatever the console's language
        for (var page : new String[] {"/console/requests/" + id, "/console/requests/" + id + "?lang=en"}) {
            assertThat(page(page, staff))
                    .contains("name=\"remedy\"", "aria-describedby=\"remedy-hint\"")
                    .contains("value=\"Pour joindre la Commission d’accès à l’information du Québec :"
                            + " www.cai.gouv.qc.ca\"")
                    .containsPattern("name=\"remedyTimeLimitDays\"[^>]*value=\"30\"");
        }
        assertThat(page("/console/requests/" + id + "?lang=fr", staff))
                .contains("La lettre énonce déjà le recours et son délai")
                .contains("ne répétez pas le recours");

        // a saved draft keeps what was typed, not the profile's values
        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Rien trouvé.");
        assertThat(page("/console/requests/" + id, staff))
                .doesNotContain("value=\"Pour joindre la Commission")
                .doesNotContainPattern("name=\"remedyTimeLimitDays\"[^>]*value=\"30\"");
    }

    @Test
    void theOfficerEntrysAddressHintAsksForTheAddressWithoutTheName() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        assertThat(page("/console/requests/new", officer)).contains("sans le nom (il est imprimé au-dessus)");
        assertThat(page("/console/requests/new?lang=en", officer)).contains("without the name (it is printed above)");
    }
}
