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

    /**
     * Officer's walk: the answer of a granted request saved with no text at all (its letter held only Gardien's
     * sentence). Refused next to the message, in the page's language, nothing drafted; a refusal's text stays its
     * reasons.
     */
    @Test
    void aGrantedRequestsAnswerSavedEmptyIsRefusedNextToTheMessage() throws Exception {
        var staff = session(Role.STAFF);
        var id = inProgress("ACCESS", staff);
        act(staff, id, "/tasks/" + tasks.of(id).getFirst().id() + "/complete", "outcome", "NOT_FOUND");

        var fr = refusedPage(staff, id, "/response", "outcome", "FULFILLED", "message", "  \r\n ");
        assertThat(fr)
                .contains("id=\"message-error\"")
                .contains("est obligatoire quand la demande est acceptée\u202f: écrivez ce que la réponse dit à la"
                        + " personne");
        assertThat(requests.get(id).status()).isEqualTo(ca.gardien.requests.RequestStatus.IN_PROGRESS);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/locale")
                .param("lang", "en")
                .param("return", "/console")
                .session(staff));
        assertThat(refusedPage(staff, id, "/response", "outcome", "FULFILLED"))
                .contains("id=\"message-error\"")
                .contains("is required when the request is granted: write what the answer tells the person");
        assertThat(requests.get(id).status()).isEqualTo(ca.gardien.requests.RequestStatus.IN_PROGRESS);

        act(staff, id, "/response", "outcome", "FULFILLED", "message", "Nous ne détenons rien à votre sujet.");
        assertThat(requests.get(id).status()).isEqualTo(ca.gardien.requests.RequestStatus.RESPONSE_DRAFTED);
    }

    @Test
    void theOfficerEntrysAddressHintAsksForTheAddressWithoutTheName() throws Exception {
        var officer = session(Role.PRIVACY_OFFICER);
        assertThat(page("/console/requests/new", officer)).contains("sans le nom (il est imprimé au-dessus)");
        assertThat(page("/console/requests/new?lang=en", officer)).contains("without the name (it is printed above)");
    }
}
