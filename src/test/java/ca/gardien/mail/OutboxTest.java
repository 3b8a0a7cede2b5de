package ca.gardien.mail;

import static org.assertj.core.api.Assertions.assertThat;

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
    OutboxPurge purge;

    @Autowired
    JdbcClient jdbc;

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
    }
}
