package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.ledger.Evidence;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Officer's review of the ledger page: a request's entries were drowned in "Coordonnées de la personne consultées" (one
 * per page view) with no way to hide them; the raw entry showed only action, actor and object; a program was named by
 * its token's UUID. The page now hides the consultations on request (in the search itself, so paging stays exact, and
 * in the CSV), shows the payload and the hashes in the raw entry, and names a token by its name and account.
 */
class LedgerConsultationsTest extends WebTestSupport {

    private static final String VIEWED_FR = "<span>Coordonnées de la personne consultées</span>";
    private static final String NOTE_FR = "<span>Note ajoutée à la demande</span>";

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    /**
     * A request with 52 notes, each followed by a display of the person's contact details, and a message of its outbox
     * viewed: 105 entries, of which 53 are consultations, recorded when the CSV holds them all.
     */
    private UUID requestViewedAtEveryStep(MockHttpSession session) throws Exception {
        var request = UUID.randomUUID();
        var officer = new Actor(Actor.Kind.ACCOUNT, officerId().toString());
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < 52; i++) {
                publish(officer, "requests.note-added", "request", request, Map.of("note", "n" + i));
                publish(officer, "requests.identifiers-viewed", "request", request, Map.of("kinds", "EMAIL"));
            }
            publish(officer, "mail.outbox-viewed", "mail-message", request, Map.of());
        });
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> csv(session, request, false).lines().count() == 106);
        return request;
    }

    private void publish(Actor actor, String action, String type, UUID object, Map<String, String> payload) {
        events.publishEvent(Evidence.of(Instant.now(), actor, action, type, object, payload));
    }

    private String csv(MockHttpSession session, UUID object, boolean hide) throws Exception {
        var request = get("/console/ledger/export.csv")
                .param("object", object.toString())
                .session(session);
        return body(hide ? request.param("hideConsultations", "true") : request, 200);
    }

    private String body(MockHttpServletRequestBuilder request, int status) throws Exception {
        return mvc.perform(request)
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(MockHttpSession session, UUID object, String lang, String... more) throws Exception {
        var request = get("/console/ledger")
                .param("object", object.toString())
                .param("lang", lang)
                .session(session);
        for (int i = 0; i + 1 < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        return body(request, 200);
    }

    private static long count(String html, String text) {
        return html.split(Pattern.quote(text), -1).length - 1L;
    }

    private MockHttpSession officer() throws Exception {
        return login(OFFICER, OFFICER_PASSWORD);
    }

    @Test
    void consultationsAreShownUnlessHiddenAndHidingThemKeepsEveryPageFull() throws Exception {
        var session = officer();
        var request = requestViewedAtEveryStep(session);

        var all = page(session, request, "fr");
        // the 105 facts of one transaction reach the ledger in an order of their own: the newest 50 hold about half of
        // each (a run gave 24 views, not 25), and the one message viewed at most once
        assertThat(count(all, VIEWED_FR)).as("nothing is hidden silently").isPositive();
        assertThat(count(all, VIEWED_FR) + count(all, NOTE_FR))
                .as("a full page")
                .isBetween(49L, 50L);
        assertThat(all)
                .contains("Masquer les consultations")
                .doesNotContain("id=\"ledger-consultations-hidden\"")
                .doesNotContain("checked=\"checked\"");

        var hidden = page(session, request, "fr", "hideConsultations", "true");
        assertThat(count(hidden, NOTE_FR)).as("a full page of what is kept").isEqualTo(50);
        assertThat(hidden)
                .doesNotContain(VIEWED_FR)
                .doesNotContain("<span>Message de la boîte d’envoi consulté</span>")
                .contains("checked=\"checked\"")
                .contains("Consultations masquées (5 sortes d’entrées)\u202f: Document du dossier de plainte consulté")
                .contains("Coordonnées de la personne consultées"); // said as hidden, not as a line
        var next = Pattern.compile("id=\"ledger-next\" rel=\"next\" href=\"([^\"]+)\"")
                .matcher(hidden);
        assertThat(next.find()).isTrue();
        assertThat(next.group(1)).contains("hideConsultations=true");
        assertThat(Pattern.compile("id=\"ledger-csv\" href=\"[^\"]*hideConsultations=true")
                        .matcher(hidden)
                        .find())
                .isTrue();

        var after = Pattern.compile("after=([^&\"]+)").matcher(next.group(1));
        assertThat(after.find()).isTrue();
        var cursor = java.net.URLDecoder.decode(after.group(1), StandardCharsets.UTF_8);
        var second = page(session, request, "fr", "hideConsultations", "true", "after", cursor);
        assertThat(count(second, NOTE_FR)).as("the rest, no more, no less").isEqualTo(2);
        assertThat(second).doesNotContain(VIEWED_FR).doesNotContain("id=\"ledger-next\"");

        assertThat(csv(session, request, true).lines().count()).isEqualTo(53); // the header and the 52 notes
        assertThat(csv(session, request, true))
                .doesNotContain("requests.identifiers-viewed")
                .doesNotContain("mail.outbox-viewed");
        assertThat(csv(session, request, false)).contains("requests.identifiers-viewed", "mail.outbox-viewed");
    }

    @Test
    void theEnglishPageSaysWhatItHides() throws Exception {
        var session = officer();
        var request = requestViewedAtEveryStep(session);

        var hidden = page(session, request, "en", "hideConsultations", "true");
        assertThat(hidden)
                .contains("Hide consultations")
                .contains("Consultations hidden (5 kinds of entries): Document of the complaint file read")
                .doesNotContain("<span>The person&#39;s contact details viewed</span>")
                .doesNotContain("<span>The person's contact details viewed</span>");
        assertThat(count(hidden, "<span>Note added to the request</span>")).isEqualTo(50);
    }

    @Test
    void theRawEntryShowsThePayloadAsRecordedAndTheHashes() throws Exception {
        var session = officer();
        var object = UUID.randomUUID();
        transactions.executeWithoutResult(tx ->
                publish(Actor.SYSTEM, "requests.note-added", "request", object, Map.of("note", "<b>synthétique</b>")));
        var entry = awaitLedgerEntry("requests.note-added", object);

        for (var lang : new String[] {"fr", "en"}) {
            var html = page(session, object, lang);
            assertThat(Pattern.compile(
                                    "<code data-raw>\\{\n  &quot;note&quot; ?: &quot;&lt;b&gt;synthétique&lt;/b&gt;&quot;\n}</code>")
                            .matcher(html)
                            .find())
                    .as("indented, escaped")
                    .isTrue();
            assertThat(html)
                    .doesNotContain("<b>synthétique</b>")
                    .contains("<code data-raw>" + entry.get("hash") + "</code>")
                    .contains("<code data-raw>" + entry.get("prevHash") + "</code>");
            assertThat(html)
                    .contains(
                            lang.equals("fr") ? "Contenu (JSON tel qu’il est consigné)" : "Payload (JSON as recorded)")
                    .contains(lang.equals("fr") ? "Empreinte précédente" : "Previous hash");
        }
    }

    @Test
    void aProgramIsNamedByItsTokenAndItsAccount() throws Exception {
        var holder = person(Role.DELEGATE);
        var token = issue(holder.id(), Role.DELEGATE).token();
        var object = UUID.randomUUID();
        transactions.executeWithoutResult(
                tx -> publish(Actor.token(token.id()), "requests.note-added", "request", object, Map.of()));
        awaitLedgerEntry("requests.note-added", object);

        var officer = page(officer(), object, "fr");
        assertThat(officer).contains(">Programme « " + token.name() + " » (Test person — Personne déléguée)</td>");
        var auditor = person(Role.AUDITOR);
        var english = page(login(auditor.username(), auditor.password()), object, "en");
        assertThat(english).contains(">Program “" + token.name() + "” (Test person — Delegate)</td>");
        var delegate = person(Role.DELEGATE);
        assertThat(page(login(delegate.username(), delegate.password()), object, "fr"))
                .as("a delegate is not shown who holds an account")
                .contains(">Programme « " + token.name() + " » (Personne déléguée)</td>");
        assertThat(csv(officer(), object, false)).contains("Programme « " + token.name() + " » (Test person");
        assertThat(readAsText(officer)).doesNotContain(token.id().toString());
    }

    /**
     * Attacker's probe: {@code hideConsultations=yes} (or 1, on, 1,000 characters) showed the consultations as
     * if the box had been left unticked, and the CSV held them, without a word. It is now said next to the box in the
     * page's language, the list not searched (400), and the CSV is refused naming the field; true and false in any case
     * are still read.
     */
    @Test
    void aHideConsultationsNeitherTrueNorFalseIsSaidNextToTheBoxAndTheCsvIsRefused() throws Exception {
        var session = officer();
        for (var value : List.of("yes", "1", "on", "x".repeat(1_000), "true,true")) {
            var html = body(
                    get("/console/ledger")
                            .param("hideConsultations", value)
                            .param("lang", "fr")
                            .session(session),
                    400);
            assertThat(html)
                    .contains("id=\"consultations-error\"", "aria-invalid=\"true\"")
                    .contains("Masquer les consultations\u202f: doit valoir true ou false")
                    .contains(
                            "Aucune recherche faite\u202f: corrigez «\u202fMasquer les consultations\u202f» ci-dessus.")
                    .doesNotContain("id=\"ledger-csv\"")
                    .doesNotContain("id=\"ledger-entries-list\"");
            assertThat(body(
                            get("/console/ledger/export.csv")
                                    .param("hideConsultations", value)
                                    .param("lang", "fr")
                                    .session(session),
                            400))
                    .contains("id=\"invalid-fields\"", "Masquer les consultations\u202f: doit valoir true ou false");
        }
        assertThat(body(
                        get("/console/ledger")
                                .param("hideConsultations", "oui")
                                .param("lang", "en")
                                .session(session),
                        400))
                .contains("Hide consultations: must be true or false")
                .contains("No search done: correct “Hide consultations” above.");
        assertThat(body(
                        get("/console/ledger/export.csv")
                                .param("hideConsultations", "oui")
                                .param("lang", "en")
                                .session(session),
                        400))
                .contains("Hide consultations: must be true or false");
        assertThat(body(
                        get("/console/ledger")
                                .param("hideConsultations", "TRUE")
                                .session(session),
                        200))
                .contains("checked=\"checked\"", "id=\"ledger-consultations-hidden\"");
        assertThat(body(
                        get("/console/ledger")
                                .param("hideConsultations", "false")
                                .session(session),
                        200))
                .doesNotContain("checked=\"checked\"");
        body(
                get("/console/ledger/export.csv")
                        .param("hideConsultations", "False")
                        .session(session),
                200);
        var staff = person(Role.STAFF);
        body(
                get("/console/ledger")
                        .param("hideConsultations", "yes")
                        .session(login(staff.username(), staff.password())),
                403);
    }

    @Test
    void aCallerWithoutTheRoleGetsNeitherThePageNorTheCsv() throws Exception {
        var staff = person(Role.STAFF);
        var session = login(staff.username(), staff.password());
        body(get("/console/ledger").param("hideConsultations", "true").session(session), 403);
        body(
                get("/console/ledger/export.csv")
                        .param("hideConsultations", "true")
                        .session(session),
                403);
    }
}
