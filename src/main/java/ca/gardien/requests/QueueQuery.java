package ca.gardien.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;

/**
 * What the console's queue asks for: statuses, a type, a latest due date, a search (reference or requester), a sort
 * key ({@code due} or {@code received}), a direction and the keyset of the last row already shown.
 *
 * @param statuses the statuses kept; empty for all
 * @param dueFrom the earliest due date kept (e.g. today: nothing overdue), or null
 * @param dueBy the latest due date kept, or null
 * @param after the keyset of the previous page's last row (sort value, request id), or null for the first page
 * @param heldOnly only the sent or closed requests whose answer's message waits in the outbox, not downloaded ({@link
 *     Row#answerHeld}): the queue's filter {@value #HELD}, which the dashboard's count links to
 */
@NamedInterface("views")
public record QueueQuery(
        Set<RequestStatus> statuses,
        RequestType type,
        LocalDate dueFrom,
        LocalDate dueBy,
        String search,
        String sort,
        boolean ascending,
        java.util.List<String> after,
        int size,
        boolean heldOnly) {

    public static final Set<String> SORTS = Set.of("due", "received");

    /** The status filter's value for {@code heldOnly}: sent answers held in the outbox. */
    public static final String HELD = "HELD";

    /**
     * One line of the queue: no details, the first identifier as the requester (masked for readers who do not work
     * requests), else the name staff entered for a letter that gives no identifier (none for those readers).
     *
     * @param answerHeld a sent request whose answer's message waits in the outbox and has not left (no sender takes
     *     it): the queue says so, as the request's page does, rather than "sent"
     * @param answerUndelivered a sent request whose answer's message left and came back (refused by the mail server, or
     *     bounced): the queue says its delivery failed, as the request's page does, rather than "sent"
     */
    @NamedInterface("views")
    public record Row(
            UUID id,
            String reference,
            RequestType type,
            RequestStatus status,
            String jurisdiction,
            RightsRequest.Channel channel,
            Instant receivedAt,
            LocalDate dueOn,
            String requester,
            boolean answerHeld,
            boolean answerUndelivered) {

        /** How the store marks a requester that is the name staff entered rather than an identifier. */
        static final String NAME = "NAME:";

        /** The same line with the requester as this reader is to see it, and what became of its answer's message. */
        Row shown(String requester, MessageFate fate) {
            return new Row(
                    id,
                    reference,
                    type,
                    status,
                    jurisdiction,
                    channel,
                    receivedAt,
                    dueOn,
                    requester,
                    fate == MessageFate.HELD,
                    fate == MessageFate.UNDELIVERED);
        }

        /**
         * The day staff said a letter or a call came, when that is all they said (kept as noon UTC that day, {@link
         * ReceivedDay}); null for a moment the request was filed at. The queue shows the day, not an invented time
         * (officer's tour: "Reçue 2026-12-01 07:00 HNE" for a letter of that day).
         */
        public LocalDate receivedDay() {
            return RightsRequest.saidDay(channel, receivedAt);
        }

        /** The keyset of this row under a sort key. */
        public java.util.List<String> keyset(String sort) {
            return java.util.List.of("received".equals(sort) ? receivedAt.toString() : dueOn.toString(), id.toString());
        }
    }
}
