package ca.gardien.mail;

import ca.gardien.organization.Letterhead;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every outgoing message goes through here: composed from its template in the application's message bundles ({@code i18n/mail}), stored, and handed to the sender after
 * the caller's transaction commits. Nothing about a message is logged.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MessageSource templates;

    private final OutboxSeal seal;
    private final Letterhead letterhead;

    Outbox(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            MessageSource templates,
            OutboxSeal seal,
            Letterhead letterhead) {
        this.seal = seal;
        this.letterhead = letterhead;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.templates = templates;
    }

    /** Composes, stores and queues the message; returns its id. */
    @Transactional
    public UUID queue(Message message) {
        var id = UUID.randomUUID();
        var args = message.arguments().toArray();
        var subject = render(message, "subject", args);
        var body = render(message, "body", args);
        var organization = message.signed() ? letterhead.organization() : Optional.<String>empty();
        if (organization.isPresent()) { // the sender, named: before the subject and under the signature
            subject = new MessageFormat(
                            templates.getMessage("mail.signed.subject", null, message.locale()), message.locale())
                    .format(new Object[] {organization.get(), subject});
            body = body + "\n" + organization.get();
        }
        var key = seal.newKey();
        var sealed = seal.key(key);
        jdbc.sql("INSERT INTO mail_message (id, subject_key, channel, recipient, recipient_digest, subject, body,"
                        + " template, related_type, related_id, created_at, status)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'STORED')")
                .params(
                        id,
                        key,
                        message.channel().name(),
                        sealed.seal(message.recipient()),
                        seal.digest(message.recipient()),
                        sealed.seal(subject),
                        sealed.seal(body),
                        message.template(),
                        message.relatedType(),
                        message.relatedId(),
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        events.publishEvent(new MessageQueued(id));
        return id;
    }

    /** The messages about an object, oldest first (for the console and the tests). */
    @Transactional(readOnly = true)
    public List<OutboxMessage> about(String relatedId) {
        return jdbc.sql("SELECT * FROM mail_message WHERE related_id = ? ORDER BY created_at, id")
                .param(relatedId)
                .query((rs, n) -> OutboxRows.message(rs, seal))
                .list();
    }

    /** What a list needs of a message: its channel and status, never its recipient or its text. */
    public record State(Message.Channel channel, String status) {}

    /**
     * The last message of a template about each of these objects, by the object's id, read in one statement for them
     * all (a console list's page, not a query per row); an object without such a message is absent.
     */
    @Transactional(readOnly = true)
    public Map<String, State> lastOf(String template, Collection<String> relatedIds) {
        var found = new HashMap<String, State>();
        if (relatedIds.isEmpty()) {
            return found;
        }
        // only the last per object comes back (a window over the page's ids), not every message to keep the last here
        jdbc.sql("SELECT related_id, channel, status FROM (SELECT related_id, channel, status, ROW_NUMBER() OVER"
                        + " (PARTITION BY related_id ORDER BY created_at DESC, id DESC) AS nth FROM mail_message"
                        + " WHERE template = :template AND related_id IN (:ids)) last_ones WHERE nth = 1")
                .param("template", template)
                .param("ids", List.copyOf(relatedIds))
                .query(rs -> {
                    found.put(
                            rs.getString("related_id"),
                            new State(Message.Channel.valueOf(rs.getString("channel")), rs.getString("status")));
                });
        return found;
    }

    /**
     * Records that a message came back undelivered: {@code BOUNCED} (a bounce reached the sender's mailbox) or
     * {@code FAILED} (the mail server refused the recipient). False when there is no such message any more.
     */
    @Transactional
    public boolean undelivered(UUID messageId, String status) {
        if (!"BOUNCED".equals(status) && !"FAILED".equals(status)) {
            throw new IllegalArgumentException("BOUNCED or FAILED");
        }
        return jdbc.sql("UPDATE mail_message SET status = ?, claimed_at = NULL WHERE id = ?")
                        .params(status, messageId)
                        .update()
                == 1;
    }

    /**
     * Withdraws from the outbox the messages of these templates about an object that have not left, once the module
     * that sent them records them transmitted another way (a notice sent by post, an answer handed over): they become
     * {@code WITHDRAWN} (final, not held, never sent by Gardien), so that a mail server configured later cannot send
     * them twice. Only a message still {@code STORED} and not claimed by a sender ({@link OutboxSending}): one being
     * sent now is left to its sending, which wins. In the caller's transaction; returns how many were withdrawn.
     */
    @Transactional
    public int withdraw(String relatedType, String relatedId, Collection<String> templates) {
        if (templates.isEmpty()) {
            return 0;
        }
        var stale = clock.instant().minus(OutboxSending.CLAIM);
        return jdbc.sql("UPDATE mail_message SET status = 'WITHDRAWN', claimed_at = NULL WHERE related_type = :type"
                        + " AND related_id = :related AND template IN (:templates) AND status = 'STORED'"
                        + " AND channel <> 'INTERNAL' AND (claimed_at IS NULL OR claimed_at < :stale)")
                .param("type", relatedType)
                .param("related", relatedId)
                .param("templates", List.copyOf(templates))
                .param("stale", OffsetDateTime.ofInstant(stale, ZoneOffset.UTC))
                .update();
    }

    private String render(Message message, String part, Object[] args) {
        // the raw pattern, formatted here even without arguments so that doubled apostrophes always collapse
        var pattern = templates.getMessage("mail." + message.template() + "." + part, null, message.locale());
        return new MessageFormat(pattern, message.locale()).format(args);
    }

    Instant now() {
        return clock.instant();
    }
}
