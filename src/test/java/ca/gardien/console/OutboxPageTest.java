package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * The outbox page, the console's mail catcher on the embedded default (no SMTP): the person in charge and delegates
 * read every message, codes included, each opening a ledger fact; other roles are refused; every console page says
 * that mail stays in the outbox.
 */
class OutboxPageTest extends WebTestSupport {

    static final String HELD_FR =
            "Aucun serveur de courriel n’est configuré : les messages restent dans la boîte" + " d’envoi.";
    static final String HELD_EN = "No mail server is configured: messages stay in the outbox.";

    @Autowired
    Outbox outbox;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private UUID code(String recipient, String reference, String code, Locale locale) {
        return outbox.queue(new Message(
                Message.Channel.EMAIL,
                recipient,
                "requests.code",
                locale,
                List.of(reference, code, "15"),
                "request",
                UUID.randomUUID().toString()));
    }

    private String page(MockHttpSession session, String path, Object... query) throws Exception {
        var request = get(path).session(session);
        for (int i = 0; i < query.length; i += 2) {
            request.param(String.valueOf(query[i]), String.valueOf(query[i + 1]));
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private MockHttpSession as(Role role) throws Exception {
        var person = person(role);
        return login(person.username(), person.password());
    }

    /** Officer's walk: page 0 said "doit être entre 1 et 100000" alone, without the field it is about. */
    @Test
    void aPageNumberOutOfRangeNamesTheFieldAndWritesTheNumberAsThePagesLanguageDoes() throws Exception {
        var html = mvc.perform(get("/console/outbox").param("page", "0").session(as(Role.PRIVACY_OFFICER)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var limit =
                java.text.NumberFormat.getIntegerInstance(Locale.CANADA_FRENCH).format(100_000);
        assertThat(html)
                .contains("Numéro de page", "doit être entre 1 et " + limit)
                .doesNotContain("100000");
        var notANumber = mvc.perform(get("/console/outbox").param("page", "abc").session(as(Role.PRIVACY_OFFICER)))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(notANumber)
                .as("a value of the wrong type names its field too, with the way back (officer's re-walk)")
                .contains("Numéro de page", "n’a pas le bon type", "id=\"error-back\" href=\"/console/outbox\"")
                .contains("id=\"console-nav\"");
    }

    /** Officer's walk: an internal notice (an incident's reminder) showed its recipient as "account:d2162099-…". */
    @Test
    void anInternalNoticesRecipientIsNamedByTheAccountNotItsId() throws Exception {
        var delegate = person(Role.DELEGATE);
        var account = delegate.id();
        var id = outbox.queue(new Message(
                Message.Channel.INTERNAL,
                "account:" + account,
                "incidents.reminder",
                Locale.CANADA_FRENCH,
                List.of("I-2026-00003", "24"),
                "incident",
                UUID.randomUUID().toString()));
        var officer = as(Role.PRIVACY_OFFICER);
        assertThat(page(officer, "/console/outbox/" + id))
                .contains(delegate.username())
                .doesNotContain("account:" + account);
        assertThat(page(officer, "/console/outbox")).contains(delegate.username() + ")");
    }

    @Test
    void theOfficerFindsACodeMessageAndReadsTheCodeAsALedgerFact() throws Exception {
        var recipient = unique("code") + "@example.test";
        var id = code(recipient, "R-2026-0001", "482913", null);
        var reader = person(Role.PRIVACY_OFFICER);
        var officer = login(reader.username(), reader.password());

        var list = page(officer, "/console/outbox", "q", recipient);
        assertThat(list)
                .contains("Boîte d’envoi")
                .contains(recipient)
                .contains("Votre code de vérification")
                .contains("Retenu dans la boîte d’envoi")
                .contains("href=\"/console/outbox/" + id + "\"")
                .doesNotContain("482913");

        var message = page(officer, "/console/outbox/" + id);
        assertThat(message).contains("482913").contains(recipient).contains("Courriel");

        var entry = awaitLedgerEntry("mail.outbox-viewed", id);
        assertThat(actorKind(entry)).isEqualTo("ACCOUNT");
        assertThat(actorId(entry)).isEqualTo(reader.id().toString());
        assertThat(String.valueOf(entry.get("payload")))
                .contains("requests.code")
                .doesNotContain("482913")
                .doesNotContain(recipient);
    }

    /**
     * The attacker's review of 2026-12-05: with a mail server configured, a delegate read a live code and download link
     * in the outbox and used them, and the ledger credited the person. Once a one-time message went out to the person,
     * the outbox shows its line, never its text; other messages that went out stay readable.
     */
    @Test
    void aCodeOrLinkThatWentOutToThePersonIsNotShownAnyMore() throws Exception {
        var recipient = unique("sent") + "@example.test";
        var id = code(recipient, "R-2026-0002", "731562", null);
        var notice = outbox.queue(new Message(
                Message.Channel.EMAIL,
                recipient,
                "requests.acknowledgement",
                null,
                List.of("R-2026-0002", "accès", "5 décembre 2026", "4 janvier 2027"),
                "request",
                UUID.randomUUID().toString()));
        jdbc.update(
                "UPDATE mail_message SET status = 'SENT', sent_at = CURRENT_TIMESTAMP WHERE id IN (?, ?)", id, notice);
        var delegate = as(Role.DELEGATE);

        var message = page(delegate, "/console/outbox/" + id);

        assertThat(message)
                .doesNotContain("731562")
                .doesNotContain("id=\"message-body\"")
                .contains("id=\"message-withheld\"")
                .contains("seule la personne");
        assertThat(String.valueOf(awaitLedgerEntry("mail.outbox-viewed", id).get("payload")))
                .contains("withheld");
        assertThat(page(delegate, "/console/outbox/" + notice)).contains("id=\"message-body\"");
    }

    @Test
    void aDelegateReadsTheOutboxInEnglish() throws Exception {
        var recipient = unique("delegate") + "@example.test";
        var id = code(recipient, "R-2026-0002", "130577", Locale.ENGLISH);
        var delegate = as(Role.DELEGATE);

        assertThat(page(delegate, "/console/outbox", "q", recipient, "lang", "en"))
                .contains("<h1>Outbox</h1>")
                .contains("Your verification code")
                .contains("Held in the outbox")
                .contains("Page 1 of 1 (1 message)");
        assertThat(page(delegate, "/console/outbox/" + id, "lang", "en"))
                .contains("130577")
                .contains("Message text");
    }

    @Test
    void auditorsAndStaffAreRefusedTheOutbox() throws Exception {
        var id = code(unique("refused") + "@example.test", "R-2026-0003", "552211", null);
        for (var role : List.of(Role.AUDITOR, Role.STAFF)) {
            var session = as(role);
            mvc.perform(get("/console/outbox").session(session)).andExpect(status().isForbidden());
            mvc.perform(get("/console/outbox/" + id).session(session)).andExpect(status().isForbidden());
            assertThat(page(session, "/console")).doesNotContain("href=\"/console/outbox\"");
        }
    }

    @Test
    void searchesByTheWholeRecipientIgnoringCaseAndPagesTwentyFiveAtATime() throws Exception {
        var recipient = unique("paged") + "@example.test";
        IntStream.range(0, 30).forEach(i -> code(recipient, "R-" + i, "100000", null));
        code(unique("other") + "@example.test", "R-99", "100000", null);
        var officer = as(Role.PRIVACY_OFFICER);

        var first = page(officer, "/console/outbox", "q", recipient.toUpperCase(Locale.ROOT));
        assertThat(rows(first)).isEqualTo(25);
        assertThat(first).contains("Page 1 sur 2 (30 messages)").contains("page=2");
        var second = page(officer, "/console/outbox", "q", recipient, "page", 2);
        assertThat(rows(second)).isEqualTo(5);
        assertThat(second).contains("Page 2 sur 2").contains(recipient);
        assertThat(page(officer, "/console/outbox", "q", recipient, "page", 40)).contains("Page 2 sur 2");

        // addresses and subjects are sealed (crypto-shredding): a part of either finds nothing, wildcards neither
        assertThat(page(officer, "/console/outbox", "q", recipient.substring(0, 8)))
                .contains("id=\"outbox-empty\"");
        assertThat(page(officer, "/console/outbox", "q", "%")).contains("id=\"outbox-empty\"");
        assertThat(page(officer, "/console/outbox", "q", "Votre code de vérification"))
                .contains("id=\"outbox-empty\"");
    }

    @Autowired
    ca.gardien.requests.RequestIntake intake;

    @Test
    void aRequestsReferenceFindsTheMessagesAboutThatRequest() throws Exception {
        var recipient = unique("about") + "@example.test";
        var request = intake.submit(
                new ca.gardien.requests.NewRequest(
                        "ACCESS",
                        new ca.gardien.requests.NewRequest.Subject(recipient, null, null),
                        "QC",
                        "API",
                        "fr",
                        null,
                        null,
                        null,
                        null),
                ca.gardien.shared.Actor.SYSTEM);
        var other = unique("other") + "@example.test";
        code(other, request.reference(), "100000", null); // names the reference, is about another request
        var officer = as(Role.PRIVACY_OFFICER);

        var found = page(officer, "/console/outbox", "q", " " + request.reference() + " ");

        assertThat(rows(found)).as("what was sent about that request").isPositive();
        assertThat(found).contains(recipient).doesNotContain(other);
        assertThat(page(officer, "/console/outbox", "q", "R-1999-99999")).contains("id=\"outbox-empty\"");
    }

    @Autowired
    ca.gardien.incidents.Incidents incidents;

    /** Officer's walk: a message about an incident did not say which, where a request's gives its reference. */
    @Test
    void aMessageAboutAnIncidentOrAComplaintNamesItByItsReferenceAndLinksIt() throws Exception {
        var incident = incidents.record(
                new ca.gardien.incidents.IncidentDetails(
                        "Courriel mal adressé",
                        ca.gardien.incidents.IncidentKind.COMMUNICATION,
                        "Noms",
                        null,
                        "Un courriel est parti au mauvais destinataire.",
                        java.time.LocalDate.now().minusDays(2),
                        null,
                        false,
                        java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(1),
                        1L,
                        null,
                        false,
                        List.of(),
                        List.of()),
                ca.gardien.shared.Actor.SYSTEM);
        var message = outbox.queue(new Message(
                Message.Channel.EMAIL,
                unique("incident") + "@example.test",
                "requests.code",
                null,
                List.of(incident.reference(), "100000", "15"),
                "incident",
                incident.id().toString()));
        var gone = outbox.queue(new Message(
                Message.Channel.EMAIL,
                unique("complaint") + "@example.test",
                "requests.code",
                null,
                List.of("C-1999-00001", "100000", "15"),
                "complaint",
                UUID.randomUUID().toString()));
        var officer = as(Role.PRIVACY_OFFICER);

        assertThat(page(officer, "/console/outbox/" + message))
                .contains("Au sujet de")
                .containsPattern("id=\"message-incident\" href=\"/console/incidents/" + incident.id() + "\">"
                        + java.util.regex.Pattern.quote(incident.reference()) + "</a>");
        assertThat(page(officer, "/console/outbox", "q", incident.reference()))
                .as("an incident's reference finds the messages about it, as the search box says")
                .contains("R-…, C-…, I-…")
                .contains("/console/outbox/" + message)
                // officer's walk: the list did not say which file a message is about
                .containsPattern("<a class=\"reference\"\\s+href=\"/console/incidents/" + incident.id() + "\">"
                        + java.util.regex.Pattern.quote(incident.reference()) + "</a>");
        assertThat(page(officer, "/console/outbox/" + gone))
                .as("a complaint no longer on file is named by its kind")
                .containsPattern("id=\"message-complaint\"[^>]*>La plainte</a>");
    }

    @Test
    void badPageParametersAreA400AndAnUnknownMessageA404NeverA500() throws Exception {
        var officer = as(Role.PRIVACY_OFFICER);
        for (var page : List.of("0", "-1", "abc", "99999999999", "100001")) {
            mvc.perform(get("/console/outbox").param("page", page).session(officer))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(get("/console/outbox").param("q", "x".repeat(201)).session(officer))
                .andExpect(status().isBadRequest());
        var malformed = mvc.perform(get("/console/outbox/not-a-uuid").session(officer))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(malformed)
                .as("a malformed id is no passing failure: the page says what is wrong, not 'try again' (attacker)")
                .contains("Adresse ou formulaire non valide")
                .doesNotContain("Réessayez dans un instant");
        mvc.perform(get("/console/outbox/" + UUID.randomUUID()).session(officer))
                .andExpect(status().isNotFound());
    }

    @Test
    void theBodyIsShownAsEscapedPlainText() throws Exception {
        var recipient = unique("script") + "@example.test";
        var id = code(recipient, "<script>alert('outbox')</script>", "909090", null);

        var html = page(as(Role.PRIVACY_OFFICER), "/console/outbox/" + id);

        assertThat(html)
                .contains("&lt;script&gt;alert(&#39;outbox&#39;)&lt;/script&gt;")
                .doesNotContain("<script>alert");
    }

    @Test
    void everyConsolePageSaysMailStaysInTheOutboxAndLinksItForThoseWhoMayReadIt() throws Exception {
        var officer = as(Role.PRIVACY_OFFICER);
        for (var path : List.of("/console", "/console/ledger", "/console/requests", "/console/tokens")) {
            assertThat(page(officer, path))
                    .as(path)
                    .contains("id=\"mail-held\"")
                    .contains(HELD_FR)
                    .contains("Ouvrir la boîte d’envoi");
        }
        assertThat(page(officer, "/console", "lang", "en")).contains(HELD_EN).contains("Open the outbox");

        var staff = page(as(Role.STAFF), "/console");
        assertThat(staff).contains(HELD_FR).doesNotContain("href=\"/console/outbox\"");
    }

    private static int rows(String html) {
        return html.split("data-message=").length - 1;
    }
}
