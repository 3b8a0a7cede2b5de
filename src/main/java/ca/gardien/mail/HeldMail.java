package ca.gardien.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one definition of a held message — one that has not left the organization — whether or not a mail server is
 * configured now: stored in the outbox and never sent ({@code STORED}), and either no sender takes its channel (an
 * email with no mail server, a text with the shipped {@link SmsSender}) or, an email with a mail server, it has waited
 * longer than {@code gardien.mail.held-after}: stored before the server was configured ({@link MailDelivery} sends
 * only what is queued after; nothing old leaves unasked) or not taken by the server since. The officer sends it from
 * the outbox ({@link HeldMailRelease}) or passes it on another way. A message that came back ({@code FAILED},
 * {@code BOUNCED}) is undelivered, not held. Every module's held count, filter, rows, banners and exports read it here.
 */
@Service
@NamedInterface("views")
public class HeldMail {

    /** The last message of a template about every object ({@code nth = 1}). */
    private static final String LAST_ONES = lastOnes("related_id IS NOT NULL");

    /** The last message of a template about each of {@code :ids}: their messages only, not the whole outbox's. */
    private static final String LAST_AMONG = lastOnes("related_id IN (:ids)");

    /** A held row, {@code :holding} the channels no sender takes now, {@code :cutoff} the grace's start. */
    static final String HELD_ROW =
            "(status = 'STORED' AND (channel IN (:holding)" + " OR (channel = 'EMAIL' AND created_at < :cutoff)))";

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> smtp;
    private final ObjectProvider<SmsSender> sms;
    private final MailProperties properties;
    private final Clock clock;

    HeldMail(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> smtp,
            ObjectProvider<SmsSender> sms,
            MailProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.smtp = smtp;
        this.sms = sms;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether email leaves through SMTP ({@code spring.mail.host} set). */
    public boolean deliveryConfigured() {
        return smtp.getIfAvailable() != null;
    }

    /** Whether this message has not left and will not leave by itself. */
    public boolean held(OutboxMessage message) {
        return held(message.channel(), message.status(), message.createdAt());
    }

    /**
     * How a message stands, in the outbox's words: a stored one is {@code HELD} ({@link #held}) or, an email a mail
     * server takes within its grace, {@code SENDING}; otherwise its status ({@code SENT}, {@code FAILED}, {@code
     * BOUNCED}, {@code WITHDRAWN}). The file pages' message tables read it, as the outbox page does.
     */
    public OutboxEntry.Status status(OutboxMessage message) {
        return status(message.channel(), message.status(), message.createdAt());
    }

    OutboxEntry.Status status(Message.Channel channel, String stored, Instant created) {
        if (!"STORED".equals(stored)) {
            return OutboxEntry.Status.valueOf(stored);
        }
        return held(channel, stored, created) || channel != Message.Channel.EMAIL
                ? OutboxEntry.Status.HELD
                : OutboxEntry.Status.SENDING;
    }

    boolean held(Message.Channel channel, String status, Instant createdAt) {
        if (!"STORED".equals(status)) {
            return false;
        }
        return switch (channel) {
            case EMAIL -> !deliveryConfigured() || createdAt.isBefore(cutoff());
            case SMS -> smsHolds();
            case INTERNAL -> false; // shown in the console: it never leaves, by design
        };
    }

    /**
     * The objects whose last message of this template is held (an earlier one held and a later one sent: not held).
     * One statement for them all; at most the retention period's messages ({@code gardien.mail.retention}).
     */
    @Transactional(readOnly = true)
    public Set<String> held(String template) {
        return ids(LAST_ONES + " AND " + HELD_ROW, template, null);
    }

    /**
     * Which of these objects' last message of this template is held, as {@link #held(String)} says of each: one
     * statement over their messages only (a page's rows, one file), never the whole outbox's.
     */
    @Transactional(readOnly = true)
    public Set<String> held(String template, Collection<String> relatedIds) {
        if (relatedIds.isEmpty()) {
            return Set.of();
        }
        return ids(LAST_AMONG + " AND " + HELD_ROW, template, relatedIds);
    }

    /**
     * The objects whose last message of this template has not reached its recipient: held, or it left and came back
     * ({@code FAILED}, {@code BOUNCED}). One statement.
     */
    @Transactional(readOnly = true)
    public Set<String> unreached(String template) {
        return ids(LAST_ONES + " AND (" + HELD_ROW + " OR status IN ('FAILED', 'BOUNCED'))", template, null);
    }

    /**
     * With a mail server configured, how many emails are held (stored before it was configured, or not taken by it
     * since): the console says so on every page and links to them; 0 without a server, where every email stays by
     * design and the console says that instead.
     */
    @Transactional(readOnly = true)
    public long stranded() {
        return deliveryConfigured() ? pastGrace() : 0;
    }

    /**
     * How many emails are stored longer than the grace, a mail server configured or not: the backlog gauge ({@code
     * gardien_mail_outbox_waiting}, {@link MailMeters}) and, with a server, {@link #stranded}.
     */
    long pastGrace() {
        return jdbc.sql("SELECT COUNT(*) FROM mail_message"
                        + " WHERE status = 'STORED' AND channel = 'EMAIL' AND created_at < ?")
                .param(OffsetDateTime.ofInstant(cutoff(), ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** The parameters {@link #HELD_ROW} names, as they stand now. */
    Map<String, Object> heldRowParameters() {
        return Map.of("holding", holding(), "cutoff", OffsetDateTime.ofInstant(cutoff(), ZoneOffset.UTC));
    }

    /** The moment before which a stored email counts as held although a mail server is configured. */
    private Instant cutoff() {
        return clock.instant().minus(properties.heldAfter());
    }

    /** The channels whose messages no sender takes now (a value no channel has when none: never an empty IN). */
    private List<String> holding() {
        var holding = new ArrayList<String>();
        if (!deliveryConfigured()) {
            holding.add(Message.Channel.EMAIL.name());
        }
        if (smsHolds()) {
            holding.add(Message.Channel.SMS.name());
        }
        return holding.isEmpty() ? List.of("") : holding;
    }

    private boolean smsHolds() {
        var sender = sms.getIfUnique();
        return sender != null && sender.holds();
    }

    /** Every message of a template about the objects {@code which} names, numbered from its last. */
    private static String lastOnes(String which) {
        return "SELECT related_id FROM (SELECT related_id, channel, status, created_at, ROW_NUMBER() OVER"
                + " (PARTITION BY related_id ORDER BY created_at DESC, id DESC) AS nth FROM mail_message"
                + " WHERE template = :template AND " + which + ") last_ones WHERE nth = 1";
    }

    /** The objects a statement lists, about {@code among} only unless null. */
    private Set<String> ids(String sql, String template, Collection<String> among) {
        var statement = jdbc.sql(sql).param("template", template).params(heldRowParameters());
        if (among != null) {
            statement = statement.param("ids", List.copyOf(among));
        }
        return Set.copyOf(statement.query(String.class).list());
    }
}
