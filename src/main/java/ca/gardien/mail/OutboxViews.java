package ca.gardien.mail;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox as the console reads it, like a development mail catcher: pages of messages newest first, a search by
 * recipient or subject, and one message in full — each full view a ledger fact, since the outbox holds verification
 * codes. Nothing about a message is logged.
 */
@Service
@NamedInterface("views")
public class OutboxViews {

    public static final int PAGE_SIZE = 25;

    /**
     * The messages that carry what only the person may use — a verification code, the answer's one-time download link.
     * Once such a message went out to the person (SMTP or SMS), its text is not shown here (the attacker's review of
     * 2026-12-05: a delegate read a live code and link in the outbox, used them, and the ledger credited the person).
     * Held in the outbox, with no sender configured, the outbox is the person's mailbox and shows it, each view a fact.
     */
    static final Set<String> ONE_TIME = Set.of("requests.code", "requests.code-sms", "requests.delivery");

    static final int MAX_PAGE = 100_000;
    static final int MAX_SEARCH = 200;
    private static final String COLUMNS =
            "SELECT id, subject_key, channel, recipient, subject, created_at, status, related_type, related_id"
                    + " FROM mail_message";
    /**
     * A sealed message is found by its whole recipient (keyed digest); one stored before sealing also by a part of its
     * recipient or subject.
     */
    private static final String MATCHING = "recipient_digest IN (:digests) OR (subject_key IS NULL AND"
            + " (LOWER(recipient) LIKE :pattern ESCAPE '\\' OR LOWER(subject) LIKE :pattern ESCAPE '\\'))";

    private final JdbcClient jdbc;
    private final HeldMail held;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final OutboxSeal seal;

    OutboxViews(JdbcClient jdbc, HeldMail held, ApplicationEventPublisher events, Clock clock, OutboxSeal seal) {
        this.seal = seal;
        this.jdbc = jdbc;
        this.held = held;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Whether email leaves through SMTP ({@code spring.mail.host} set); without it every message stays here. What is
     * held is {@link HeldMail}'s to say, whether or not a server is configured now.
     */
    public boolean deliveryConfigured() {
        return held.deliveryConfigured();
    }

    /** Page {@code page} (from 1; past the last, the last) of the messages matching {@code search} (blank: all). */
    @Transactional(readOnly = true)
    public OutboxPage page(String search, int page) {
        return page(search, page, null);
    }

    /**
     * The same, where {@code about} (null: none) is the id of the file a searched reference names (a request, a
     * complaint): the messages about that file match too.
     */
    @Transactional(readOnly = true)
    public OutboxPage page(String search, int page, UUID about) {
        return page(search, page, about, false);
    }

    /** The same, only the held messages when {@code heldOnly} ({@link HeldMail}: what has not left). */
    @Transactional(readOnly = true)
    public OutboxPage page(String search, int page, UUID about, boolean heldOnly) {
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidInputException("page", "mail.field.page", MAX_PAGE);
        }
        var term = search == null || search.isBlank() ? null : search.strip();
        if (term != null && term.length() > MAX_SEARCH) {
            throw new InvalidInputException("q", "shared.field.too-long", MAX_SEARCH);
        }
        var conditions = new java.util.ArrayList<String>(); // each grouped: held AND (matching …)
        var params = new java.util.HashMap<String, Object>();
        if (heldOnly) {
            conditions.add(HeldMail.HELD_ROW);
            params.putAll(held.heldRowParameters());
        }
        if (term != null) {
            conditions.add("(" + MATCHING + (about == null ? "" : " OR related_id = :about") + ")");
            params.put("pattern", pattern(term));
            params.put("digests", seal.digestsOf(term));
        }
        if (term != null && about != null) {
            params.put("about", about.toString());
        }
        var where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = jdbc.sql("SELECT COUNT(*) FROM mail_message" + where)
                .params(params)
                .query(Long.class)
                .single();
        int shown = (int) Math.min(page, Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        var entries = jdbc.sql(COLUMNS + where
                        + " ORDER BY created_at DESC, id DESC OFFSET :skip ROWS FETCH NEXT :size ROWS ONLY")
                .params(params)
                .param("skip", (long) (shown - 1) * PAGE_SIZE)
                .param("size", PAGE_SIZE)
                .query((rs, n) -> entry(rs))
                .list();
        return new OutboxPage(entries, term, shown, PAGE_SIZE, total, heldOnly);
    }

    /** The ids of the messages about a file (a request, a complaint, an incident), oldest first, at most 500. */
    @Transactional(readOnly = true)
    public java.util.List<UUID> about(UUID file) {
        return jdbc.sql(
                        "SELECT id FROM mail_message WHERE related_id = ? ORDER BY created_at, id FETCH FIRST 500 ROWS ONLY")
                .param(file.toString())
                .query((rs, n) -> UUID.fromString(rs.getString(1)))
                .list();
    }

    /** One message in full, recording that {@code reader} viewed it (the ledger gets its id, never its text). */
    @Transactional
    public OutboxView open(UUID id, Actor reader) {
        var message = jdbc.sql("SELECT * FROM mail_message WHERE id = ?")
                .param(id)
                .query((rs, n) -> OutboxRows.message(rs, seal))
                .optional()
                .orElseThrow(() -> new NotFoundException("mail.object.mail-message", id));
        var entry = new OutboxEntry(
                id,
                message.createdAt(),
                message.channel(),
                message.recipient(),
                message.subject(),
                held.status(message.channel(), message.status(), message.createdAt()),
                message.relatedType(),
                message.relatedId());
        var withheld = ONE_TIME.contains(message.template()) && entry.status() == OutboxEntry.Status.SENT;
        var payload = new java.util.HashMap<String, String>(Map.of(
                "channel",
                message.channel().name(),
                "template",
                message.template(),
                "text",
                withheld ? "withheld" : "shown"));
        if (message.relatedType() != null
                && !message.relatedType().isBlank()
                && message.relatedId() != null
                && !message.relatedId().isBlank()) {
            // the object the message is about (a request, a complaint …), so that the ledger can say whose message it
            // was
            payload.put("relatedType", message.relatedType());
            payload.put("relatedId", message.relatedId());
        }
        events.publishEvent(Evidence.of(clock.instant(), reader, "mail.outbox-viewed", "mail-message", id, payload));
        return new OutboxView(
                entry,
                withheld ? null : message.body(),
                withheld,
                message.sentAt(),
                message.relatedType(),
                message.relatedId(),
                // the officer may send it now ({@link HeldMailRelease}): a held email, a mail server to take it
                held.deliveryConfigured()
                        && message.channel() == Message.Channel.EMAIL
                        && entry.status() == OutboxEntry.Status.HELD);
    }

    private OutboxEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        var open = seal.key(rs.getObject("subject_key", UUID.class));
        var created = rs.getObject("created_at", OffsetDateTime.class).toInstant();
        var channel = Message.Channel.valueOf(rs.getString("channel"));
        return new OutboxEntry(
                rs.getObject("id", UUID.class),
                created,
                channel,
                open.open(rs.getString("recipient")),
                open.open(rs.getString("subject")),
                held.status(channel, rs.getString("status"), created),
                rs.getString("related_type"),
                rs.getString("related_id"));
    }

    /** A LIKE pattern that finds {@code term} anywhere, its own wildcards taken literally. */
    private static String pattern(String term) {
        var escaped = term.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
