package ca.gardien.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Organization;
import ca.gardien.organization.SyntheticLetterhead;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Without spring.mail.host (the embedded default) messages are composed and kept in the outbox. */
class OutboxTest extends WebTestSupport {

    @Autowired
    Outbox outbox;

    @Autowired
    SmsSender sms;

    @Autowired
    HeldMail held;

    @Autowired
    OutboxPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organization organization;

    @Test
    void composesFrenchByDefaultAndEnglishOnRequestAndKeepsTheMessageWithoutSmtp() {
        var about = UUID.randomUUID().toString();
        outbox.queue(new Message(
                Message.Channel.EMAIL,
                "a@example.test",
                "requests.code",
                null,
                List.of("R-1", "123456", "15"),
                "request",
                about));
        outbox.queue(new Message(
                Message.Channel.EMAIL,
                "b@example.test",
                "requests.code",
                Locale.ENGLISH,
                List.of("R-1", "654321", "15"),
                "request",
                about));

        var messages = outbox.about(about);
        assertThat(messages)
                .extracting(OutboxMessage::subject)
                .containsExactly("Votre code de vérification", "Your verification code");
        assertThat(messages.get(1).body()).contains("654321").contains("15 minutes");
        assertThat(messages).allSatisfy(m -> assertThat(m.status()).isEqualTo("STORED"));
    }

    @Test
    void theLastMessageOfATemplateAboutEachObjectIsReadForAPageAtOnceAndSaysWhetherItWaits() {
        var twice = UUID.randomUUID().toString();
        var once = UUID.randomUUID().toString();
        var none = UUID.randomUUID().toString();
        for (var channel : List.of(Message.Channel.EMAIL, Message.Channel.SMS)) {
            outbox.queue(new Message(
                    channel,
                    channel == Message.Channel.SMS ? "+15145550123" : "a@example.test",
                    "requests.code",
                    null,
                    List.of("R-1", "123456", "15"),
                    "request",
                    twice));
        }
        outbox.queue(new Message(
                Message.Channel.EMAIL,
                "b@example.test",
                "requests.code",
                null,
                List.of("R-2", "654321", "15"),
                "request",
                once));
        // the first of the two written earlier: the later one is the last, whatever the order of their ids
        jdbc.sql("UPDATE mail_message SET created_at = ? WHERE related_id = ? AND channel = 'EMAIL'")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5), twice)
                .update();

        var last = outbox.lastOf("requests.code", List.of(twice, once, none));

        assertThat(last).containsOnlyKeys(twice, once);
        assertThat(last.get(twice).channel()).isEqualTo(Message.Channel.SMS);
        assertThat(last.get(once).channel()).isEqualTo(Message.Channel.EMAIL);
        assertThat(outbox.lastOf("requests.code", List.of())).isEmpty();
        // held reads the last message too: with both held, both; an earlier email held under a later text that left:
        // not
        assertThat(held.held("requests.code")).contains(once, twice).doesNotContain(none);
        jdbc.sql("UPDATE mail_message SET status = 'SENT' WHERE related_id = ? AND channel = 'SMS'")
                .param(twice)
                .update();
        assertThat(held.held("requests.code")).contains(once).doesNotContain(twice);
    }

    /** Officer review: "Votre code de vérification", signed by a role only, from nobody the person could tell. */
    @Test
    void aMessageFromTheOrganizationNamesItBeforeTheSubjectAndUnderTheSignature() {
        organization.update(SyntheticLetterhead.PROFILE, Actor.SYSTEM); // the name comes from the profile
        var about = UUID.randomUUID().toString();
        for (var locale : List.of(Locale.CANADA_FRENCH, Locale.ENGLISH)) {
            outbox.queue(new Message(
                    Message.Channel.EMAIL,
                    "a@example.test",
                    "requests.code",
                    locale,
                    List.of("R-1", "123456", "15", "https://example.test/code"),
                    "request",
                    about,
                    true));
        }
        var notice = UUID.randomUUID().toString();
        outbox.queue(
                new Message( // a message the organization does not sign names nobody, whatever the profile
                        Message.Channel.INTERNAL,
                        "account:" + UUID.randomUUID(),
                        "requests.code",
                        Locale.CANADA_FRENCH,
                        List.of("R-1", "123456", "15", "https://example.test/code"),
                        "request",
                        notice));
        assertThat(outbox.about(notice))
                .extracting(OutboxMessage::subject)
                .containsExactly("Votre code de vérification");

        var messages = outbox.about(about);
        assertThat(messages)
                .extracting(OutboxMessage::subject)
                .containsExactly(
                        "Synthetic Organization Inc. — Votre code de vérification",
                        "Synthetic Organization Inc. — Your verification code");
        assertThat(messages.get(0).body())
                .endsWith("La personne responsable de la protection des renseignements personnels\n"
                        + "Synthetic Organization Inc.");
        assertThat(messages.get(1).body())
                .endsWith(
                        "The person in charge of the protection of personal information\nSynthetic Organization Inc.");
    }

    @Test
    void theShippedSmsSenderKeepsTextMessagesInTheOutbox() {
        var about = UUID.randomUUID().toString();
        sms.send(new Message(
                Message.Channel.SMS,
                "+14185550123",
                "requests.code-sms",
                Locale.ENGLISH,
                List.of("R-1", "123456", "15"),
                "request",
                about));

        assertThat(outbox.about(about)).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(Message.Channel.SMS);
            assertThat(m.body()).contains("123456");
            // what the outbox lists it by: a text message has no subject of its own (officer's review: "Code")
            assertThat(m.subject()).isEqualTo("Verification code (text message)");
        });
    }

    @Test
    void purgesMessagesOlderThanTheRetention() {
        var about = UUID.randomUUID().toString();
        outbox.queue(new Message(
                Message.Channel.EMAIL,
                "old@example.test",
                "requests.code",
                null,
                List.of("R-1", "111111", "15"),
                "request",
                about));
        // what a dump taken now holds of the message: ciphertext only
        var dumped = jdbc.sql("SELECT recipient, subject, body FROM mail_message WHERE related_id = ?")
                .param(about)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .single();
        assertThat(dumped)
                .allSatisfy(v -> assertThat(v)
                        .startsWith(ca.gardien.shared.SubjectKeys.PREFIX)
                        .doesNotContain("old@example.test")
                        .doesNotContain("111111"));
        var key = jdbc.sql("SELECT subject_key FROM mail_message WHERE related_id = ?")
                .param(about)
                .query(UUID.class)
                .single();
        assertThat(outbox.about(about).getFirst().body()).contains("111111");
        jdbc.sql("UPDATE mail_message SET created_at = ? WHERE related_id = ?")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusDays(31), about)
                .update();
        var fresh = UUID.randomUUID().toString();
        outbox.queue(new Message(
                Message.Channel.EMAIL,
                "new@example.test",
                "requests.code",
                null,
                List.of("R-2", "222222", "15"),
                "request",
                fresh));

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);
        assertThat(outbox.about(about)).isEmpty();
        assertThat(outbox.about(fresh)).hasSize(1);
        // the purge destroyed the message's key: the dump's values, restored, read as nothing
        assertThat(keys.exists(key)).isFalse();
        assertThat(dumped).allSatisfy(v -> assertThat(keys.key(key).open(v)).isNull());
    }

    @Autowired
    ca.gardien.shared.SubjectKeys keys;

    @Test
    void theOutboxFindsASealedMessageByItsWholeRecipientInAnyCase() {
        var about = UUID.randomUUID().toString();
        outbox.queue(new Message(
                Message.Channel.EMAIL,
                "finder@example.test",
                "requests.code",
                null,
                List.of("R-3", "333333", "15"),
                "request",
                about));
        assertThat(views.page(" Finder@Example.TEST ", 1).entries())
                .extracting(e -> e.recipient())
                .containsExactly("finder@example.test");
        assertThat(views.page("finder@", 1).entries()).isEmpty();
    }

    @Autowired
    OutboxViews views;
}
