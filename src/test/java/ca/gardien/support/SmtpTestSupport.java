package ca.gardien.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A context with a mail server (GreenMail, started once per JVM on a free port) and a clock the test moves: for what
 * happens to messages stored before a mail server was configured. Such a message is made as a restart with a server
 * newly configured finds it: its row {@code STORED}, never sent, and its queuing event done ({@link
 * #storedBeforeTheServer}).
 */
@Import(MovableClocks.class)
public abstract class SmtpTestSupport extends WebTestSupport {

    protected static final GreenMail MAIL = start();

    @Autowired
    protected MovableClock clock;

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static GreenMail start() {
        var mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    /**
     * The message as it stands after a restart with a mail server newly configured, had it been queued before: its
     * delivery over (here it went at once, a server being configured), its row stored and never sent.
     */
    protected void storedBeforeTheServer(UUID messageId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> "SENT".equals(messageStatus(messageId)));
        jdbc.sql("UPDATE mail_message SET status = 'STORED', sent_at = NULL WHERE id = ?")
                .param(messageId)
                .update();
    }

    protected String messageStatus(UUID messageId) {
        return jdbc.sql("SELECT status FROM mail_message WHERE id = ?")
                .param(messageId)
                .query(String.class)
                .single();
    }

    /** How many emails the mail server received for this address. */
    protected static long received(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().contains(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
    }

    /** Waits until the mail server has received {@code count} emails for this address, then checks it got no more. */
    protected static void awaitReceived(String address, long count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> received(address) >= count);
        assertThat(received(address)).isEqualTo(count);
    }
}
