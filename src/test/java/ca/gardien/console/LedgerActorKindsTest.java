package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.ledger.Evidence;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Officer's review: the actor column says "Personne concernée", "Programme (jeton d’API)" or "Gardien" for actors that
 * are not accounts, and typing those words in the actor filter found nothing. They now find that kind of actor, in the
 * page's language, and the field suggests them.
 */
class LedgerActorKindsTest extends WebTestSupport {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    /** One object with a fact by the person concerned, one by a program's token and one by Gardien. */
    private UUID objectActedOnByEveryKind() {
        var object = UUID.randomUUID();
        for (var actor : new Actor[] {
            new Actor(Actor.Kind.SUBJECT, "request:" + object), Actor.token(UUID.randomUUID()), Actor.SYSTEM
        }) {
            transactions.executeWithoutResult(tx -> events.publishEvent(
                    Evidence.of(Instant.now(), actor, "requests.received", "request", object, Map.of())));
        }
        for (var kind : new String[] {"SUBJECT", "TOKEN", "SYSTEM"}) {
            awaitLedgerEntry(
                    "requests.received", e -> object.toString().equals(e.get("objectId")) && kind.equals(actorKind(e)));
        }
        return object;
    }

    private String page(MockHttpSession session, UUID object, String actor, String lang, int status) throws Exception {
        return mvc.perform(get("/console/ledger")
                        .param("object", object.toString())
                        .param("actor", actor)
                        .param("lang", lang)
                        .session(session))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static long lines(String html) {
        return html.split("<tr>", -1).length - 2; // the header's row and the text before it
    }

    @Test
    void theWordsOfTheActorColumnFindThatKindOfActorInThePagesLanguage() throws Exception {
        var object = objectActedOnByEveryKind();
        var auditor = person(Role.AUDITOR);
        var session = login(auditor.username(), auditor.password());

        var subject = page(session, object, "Personne concernée", "fr", 200);
        assertThat(lines(subject)).isEqualTo(1);
        assertThat(subject).contains(">Personne concernée</td>").doesNotContain("id=\"actor-error\"");
        var english = page(session, object, "person concerned", "en", 200);
        assertThat(lines(english)).isEqualTo(1);
        assertThat(english).contains(">Person concerned</td>");

        var token = page(session, object, "Programme (jeton d’API)", "fr", 200);
        assertThat(lines(token)).isEqualTo(1);
        assertThat(token).contains(">Programme (jeton d’API)</td>");
        assertThat(lines(page(session, object, "programme (jeton d'API)", "fr", 200)))
                .as("typed with a keyboard's apostrophe")
                .isEqualTo(1);
        assertThat(lines(page(session, object, "Program (API token)", "en", 200)))
                .isEqualTo(1);
        var gardien = page(session, object, "Gardien", "fr", 200);
        assertThat(lines(gardien)).isEqualTo(1);
        assertThat(gardien).contains(">Gardien</td>");
    }

    @Test
    void theFieldSuggestsTheKindsAndAnUnknownWordFindsNothing() throws Exception {
        var object = objectActedOnByEveryKind();
        var delegate = person(Role.DELEGATE);
        var session = login(delegate.username(), delegate.password());

        assertThat(page(session, object, "", "fr", 200))
                .contains("<option value=\"Personne concernée\" label=\"Personne concernée\"")
                .contains("<option value=\"Programme (jeton d’API)\" label=\"Programme (jeton d’API)\"");
        assertThat(page(session, object, "", "en", 200)).contains("<option value=\"Person concerned\"");
        // the other language's words are not this page's: said next to the field, as any word that names no one
        var unknown = page(session, object, "Person concerned", "fr", 400);
        assertThat(unknown).contains("id=\"actor-error\"", "id=\"ledger-empty\"");
        assertThat(unknown).doesNotContain(">Personne concernée</td>");
        assertThat(page(session, object, "Quelqu’un d’autre", "fr", 400)).contains("id=\"ledger-empty\"");
    }
}
