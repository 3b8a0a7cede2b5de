package ca.gardien.requests;

import ca.gardien.mail.OutboxMessage;
import ca.gardien.shared.IdentifierKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * One request as a reader with given roles may see it, with what that reader may do next: the read model of the
 * console's request page. The requests module computes it from its own rules and facts; the page only renders it.
 *
 * @param request the request, identifiers in clear or masked according to the reader's roles
 * @param today the day it is in the request's jurisdiction
 * @param purgedOn the day the request's personal information was destroyed, in its jurisdiction; null while kept
 * @param pendingDocuments representatives' documents filed and not yet reviewed
 * @param response the response drafted so far; null before the first draft
 * @param messages what was sent (or would have been) about the request, without bodies
 * @param linkHeld whether a message to the identifier the answer's link goes to stays in the outbox, no sender taking it
 *     (an email with no mail server configured, a text with the shipped sender); false when no link can reach the person
 * @param answerMessageHeld whether the answer's message has not left ({@link ca.gardien.mail.HeldMail}): stored with
 *     no sender, or stored before a mail server was configured and not sent since
 * @param downloaded whether the person downloaded the answer through its link: it reached them, whatever became of the
 *     message that carried the link
 * @param timeline the request's facts in the evidence ledger, oldest first
 * @param notes staff's notes, oldest first (empty for readers who do not work requests)
 * @param files the request's files: scanned letters, representatives' documents, attachments (empty for readers who do
 *     not work requests)
 * @param found what each system's task recorded as found, by system id (empty for readers who do not work requests)
 * @param emptyFound the systems whose task was completed as found but from which the package would hold nothing (no
 *     record, or for portability none collected from the person); empty when the request releases no information
 * @param answerDocuments the request's files the response joins, as its letter names them ({@code 01-scan.pdf}); empty
 *     when none, and for readers who do not work requests
 */
@NamedInterface("views")
public record RequestView(
        RightsRequest request,
        LocalDate today,
        LocalDate purgedOn,
        Actions actions,
        List<RequestTask> tasks,
        List<UUID> pendingDocuments,
        ResponseDraft response,
        List<OutboxMessage> messages,
        boolean linkHeld,
        boolean answerMessageHeld,
        boolean downloaded,
        List<TimelineEntry> timeline,
        List<RequestNotes.Note> notes,
        List<RequestNotes.Attachment> files,
        Map<String, List<TaskResult.FoundRecord>> found,
        List<String> emptyFound,
        List<String> answerDocuments) {

    /** Whether a drafted or approved answer waits to be sent: its letter may be previewed ({@link AnswerLetter}). */
    public boolean previewable() {
        return response != null
                && (request.status() == RequestStatus.RESPONSE_DRAFTED || request.status() == RequestStatus.APPROVED);
    }

    /** Whether the answer went (sent, or closed after it went): the page then says what went and how. */
    public boolean answered() {
        return response != null && (request.status() == RequestStatus.SENT || request.status() == RequestStatus.CLOSED);
    }

    /**
     * How the answer went: {@code EMAIL}, {@code SMS}, {@code POSTAL} or {@code IN_PERSON}, as its sending's fact
     * records it; by the link's way while that fact is not in the timeline yet (the ledger records it just after);
     * null before it went, or when neither says.
     */
    public String sentBy() {
        if (!answered()) {
            return null;
        }
        var fact = sent();
        return fact != null ? fact.detail("channel") : Deliveries.channel(request.linkTo(), null);
    }

    /**
     * Whether the answer went by a link whose message has not left: it waits in the outbox, from where the officer
     * passes the link on to the person another way, configures a sender, or sends it now once a sender is configured. The request stays sent (its clock stopped
     * at the sending step); the page says it has not left, never that it was sent. Closing the request does not change
     * that: only the person's download does.
     */
    public boolean answerHeld() {
        return answered() && !downloaded && answerMessageHeld && answerMessage() != null;
    }

    /**
     * Whether the answer went by a link whose message left and came back (refused by the mail server, or bounced): the
     * person has not received it; the page and the queue say its delivery failed, never that it was sent.
     */
    public boolean answerUndelivered() {
        var message = answerMessage();
        return answered()
                && !downloaded
                && message != null
                && MessageFate.UNDELIVERED_STATUSES.contains(message.status());
    }

    /**
     * Whether the answer's link was placed in the outbox to stay there: its message waits there now, or its sending's
     * fact says so (the outbox purges its messages after its retention period; the ledger keeps the fact).
     */
    public boolean sentHeld() {
        var fact = sent();
        return answerHeld() || fact != null && "held".equals(fact.detail("outbox"));
    }

    /** The message with the answer's download link in the outbox, or null (none, or not kept there). */
    public OutboxMessage answerMessage() {
        return AnswerNotice.last(messages);
    }

    /** The fact of the answer's sending in the timeline (when and by whom), or null. */
    public TimelineEntry sent() {
        TimelineEntry sent = null;
        for (var entry : timeline) {
            if ("requests.sent".equals(entry.action())) {
                sent = entry;
            }
        }
        return sent;
    }

    /**
     * How many field/value pairs each system's task recorded, by system id: counted here, not by the page, whose
     * expression language stops after 10,000 operations (a connector's export holds up to 20,000 records).
     */
    public Map<String, Integer> foundFields() {
        var counts = new java.util.LinkedHashMap<String, Integer>();
        found.forEach((system, records) -> counts.put(
                system, records.stream().mapToInt(r -> r.fields().size()).sum()));
        return counts;
    }

    /** The bases staff may give when confirming an identifier. */
    public List<StaffProof.Basis> identifierBases() {
        return StaffProof.Basis.forIdentifier();
    }

    /** The bases the person in charge or a delegate may give when proving the person as a whole. */
    public List<StaffProof.Basis> personBases() {
        return StaffProof.Basis.forPerson();
    }

    /** The outcomes a response may have: only a refusal while the identity is not established (its proof rejected). */
    public List<String> outcomes() {
        return RequestRoles.identityRefusable(request) ? List.of("REFUSAL") : ResponseDraft.OUTCOMES;
    }

    /**
     * The request's files an answer may join (staff's attachments, {@link AnswerDocuments}); none when the request
     * releases no information or when the reader does not see its files.
     */
    public List<RequestNotes.Attachment> joinable() {
        return request.type().releasesData()
                ? files.stream()
                        .filter(f -> RequestNotes.ATTACHMENT.equals(f.kind()))
                        .toList()
                : List.of();
    }

    /** The ways staff may hand the answer over when no link can reach the person ({@code POSTAL}, {@code IN_PERSON}). */
    public List<String> handOver() {
        return Deliveries.BY_HAND;
    }

    /**
     * What the reader may do on the request now.
     *
     * @param proveIdentity record a proof of the person as a whole (person in charge or delegate, while received and
     *     not yet proved)
     * @param write work the request: confirm, review, assign, complete, draft, cancel (while open)
     * @param approve approve the drafted response (person in charge or delegate)
     * @param send send the approved response
     * @param close close the sent request
     * @param extend extend the due date (while open, when the jurisdiction allows a later date)
     * @param reviewProof accept or reject the proof of identity (pending, and there is a proof to review); accept a
     *     rejected one on a second look
     * @param draft save a draft response (once the tasks are open, until it is sent; or a refusal once the proof of
     *     identity is rejected)
     * @param sendCode the identifiers a new one-time code may be sent to (while received, unverified and unlocked)
     * @param annotate add notes and attachments, download the request's files (those who work requests, while its
     *     personal information is kept)
     * @param takeAnswer download the approved answer's package to hand it over by post or in person (those who work
     *     requests, when no verified email or phone can receive a link)
     */
    public record Actions(
            boolean proveIdentity,
            boolean write,
            boolean approve,
            boolean send,
            boolean close,
            boolean extend,
            boolean reviewProof,
            boolean draft,
            Set<IdentifierKind> sendCode,
            boolean annotate,
            boolean takeAnswer) {}

    /**
     * One fact of the request's timeline, as recorded in the ledger.
     *
     * @param actor who acted, as {@code kind:id}
     * @param details the fact's payload as recorded (ids, kinds, dates and digests), shown as is
     * @param times how many facts of this kind the line stands for: the views of the identifiers, each a fact of the
     *     ledger, are folded into one line with the time, actor and payload of the last; 1 for any other fact
     */
    public record TimelineEntry(
            long sequence, Instant occurredAt, String action, String actor, String details, int times) {

        /** A text field of the fact's payload ({@code method}, {@code kind}, {@code basis} …), or null. */
        public String detail(String name) {
            return ca.gardien.shared.PayloadFields.text(details, name);
        }

        /** Whether the line stands for more than one fact (repeated views). */
        public boolean folded() {
            return times > 1;
        }
    }
}
