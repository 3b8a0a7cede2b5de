package ca.gardien.requests;

import ca.gardien.mail.HeldMail;
import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.mail.OutboxMessage;
import ca.gardien.mail.OutboxViews;
import ca.gardien.mail.SmsSender;
import ca.gardien.shared.IdentifierKind;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The message that carries the answer's download link to the person's verified email or phone, and whether it stays in
 * the outbox: an email with no mail server configured, a text with the shipped sender (which only stores it). A held
 * message has not left; the request's page and its ledger fact say so (officer's review of 2026-12-07: the page said
 * "sent" under a notice that nothing left).
 */
@Component
class AnswerNotice {

    /** The outbox template of the answer's message. */
    static final String TEMPLATE = "requests.delivery";

    private final RequestStore requests;
    private final ResponseStore responses;
    private final Outbox outbox;
    private final OutboxViews views;
    private final SmsSender sms;
    private final HeldMail heldMail;

    AnswerNotice(
            RequestStore requests,
            ResponseStore responses,
            Outbox outbox,
            OutboxViews views,
            SmsSender sms,
            HeldMail heldMail) {
        this.requests = requests;
        this.responses = responses;
        this.outbox = outbox;
        this.views = views;
        this.sms = sms;
        this.heldMail = heldMail;
    }

    /**
     * Whether a message to an identifier of this kind, queued now, stays in the outbox rather than leaving (no sender
     * takes it): what sending says beforehand. Whether a message queued earlier left is {@link HeldMail}'s to say.
     */
    boolean holds(IdentifierKind kind) {
        return holds(channel(kind));
    }

    private boolean holds(Message.Channel channel) {
        return channel == Message.Channel.EMAIL ? !views.deliveryConfigured() : sms.holds();
    }

    private static Message.Channel channel(IdentifierKind kind) {
        return kind == IdentifierKind.EMAIL ? Message.Channel.EMAIL : Message.Channel.SMS;
    }

    /**
     * What became of the last message of a template about each of these requests, when it has not reached the person
     * ({@link MessageFate}): held as {@link HeldMail} says (the last one stored and not left, with a sender now or not),
     * undelivered when the last came back; a request whose message did, or has none, is absent. Two statements.
     */
    Map<UUID, MessageFate> fates(String template, Collection<UUID> ids) {
        return fates(template, ids, waiting(template, ids));
    }

    /** The fates of these requests' last messages of a template, the held ones being {@code held} among them. */
    private Map<UUID, MessageFate> fates(String template, Collection<UUID> ids, Set<UUID> held) {
        var fates = new HashMap<UUID, MessageFate>();
        if (ids.isEmpty()) {
            return fates;
        }
        ids.stream().filter(held::contains).forEach(id -> fates.put(id, MessageFate.HELD));
        outbox.lastOf(template, ids.stream().map(UUID::toString).toList()).forEach((id, message) -> {
            if (MessageFate.UNDELIVERED_STATUSES.contains(message.status())) {
                fates.putIfAbsent(UUID.fromString(id), MessageFate.UNDELIVERED);
            }
        });
        return fates;
    }

    /**
     * What became of the answer's message of each of these requests (sent, or closed after it was sent), when the
     * answer has not reached the person: held when the request is among {@link #held} (read for these requests only)
     * — the very set the dashboard counts and the queue's filter lists, so that a row never says held when the count
     * leaves it out — else
     * undelivered when its last message came back, unless the person downloaded it through its link (then it reached
     * them, whatever the message's state). Closing a request does not deliver its answer (officer's walk of
     * 2026-12-07: a closed request's page said "remise" while its email waited in the outbox).
     */
    Map<UUID, MessageFate> answerFates(Collection<UUID> ids) {
        var fates = fates(TEMPLATE, ids, answered(waiting(TEMPLATE, ids)));
        var undelivered = fates.entrySet().stream()
                .filter(e -> e.getValue() == MessageFate.UNDELIVERED)
                .map(Map.Entry::getKey)
                .toList();
        if (!undelivered.isEmpty()) {
            fates.keySet().removeAll(responses.downloadedAmong(undelivered));
        }
        return fates;
    }

    /**
     * Every sent or closed request whose answer's last message is held ({@link HeldMail}) and was not downloaded: the
     * one definition of a held answer, which the dashboard counts, the queue's filter lists and each row and request
     * page says ({@link #answerFates}). Three statements at most whatever their number (the outbox keeps its retention
     * period's messages), with every channel's sender configured or not: a message stored before a mail server was
     * configured has not left either. Closing does not take a request off: its person still has not received the
     * answer.
     */
    Set<UUID> held() {
        return answered(uuids(heldMail.held(TEMPLATE)));
    }

    /** Those of these requests whose answer's message is held that are sent or closed and were not downloaded. */
    private Set<UUID> answered(Set<UUID> waiting) {
        var held = new java.util.HashSet<>(requests.inStatus(RequestStatus.SENT, RequestStatus.CLOSED, waiting));
        if (!held.isEmpty()) {
            held.removeAll(responses.downloadedAmong(held));
        }
        return held;
    }

    /**
     * Those of these requests whose last message of a template is held ({@link HeldMail}), read from their messages
     * only (a page's rows, one request), as {@link #held} reads them all.
     */
    private Set<UUID> waiting(String template, Collection<UUID> ids) {
        return uuids(heldMail.held(template, ids.stream().map(UUID::toString).toList()));
    }

    private static Set<UUID> uuids(Set<String> ids) {
        return ids.stream().map(UUID::fromString).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * The requests whose last answer message has not reached the person: held in the outbox, or undelivered (the
     * queue's "sent" filter leaves them out: they are not sent). One statement.
     */
    Set<UUID> unreached() {
        return uuids(heldMail.unreached(TEMPLATE));
    }

    /**
     * The channels whose messages queued now stay in the outbox: none once a mail server and a text service are set
     * (messages queued before may still be held: {@link #held}).
     */
    List<Message.Channel> holding() {
        return java.util.stream.Stream.of(Message.Channel.EMAIL, Message.Channel.SMS)
                .filter(this::holds)
                .toList();
    }

    /** Whether this message has not left ({@link HeldMail}). */
    boolean held(OutboxMessage message) {
        return message != null && heldMail.held(message);
    }

    /** The answer's message among a request's messages (the last one, there is one answer), or null. */
    static OutboxMessage last(List<OutboxMessage> messages) {
        OutboxMessage found = null;
        for (var message : messages) {
            if (TEMPLATE.equals(message.template())) {
                found = message;
            }
        }
        return found;
    }

    /** Sends (or stores) the answer's message with its link to the verified identifier of {@code kind}. */
    void send(RightsRequest request, IdentifierKind kind, List<String> args) {
        var value = requests.identifiers(request.id()).stream()
                .filter(i -> i.kind() == kind && i.verified())
                .findFirst()
                .orElseThrow()
                .value();
        var channel = channel(kind);
        var message = new Message(
                channel,
                value,
                TEMPLATE,
                Locale.forLanguageTag(request.language()),
                args,
                "request",
                request.id().toString(),
                // an email names its sender; a text message stays short
                channel == Message.Channel.EMAIL);
        if (channel == Message.Channel.EMAIL) {
            outbox.queue(message);
        } else {
            sms.send(message);
        }
    }
}
