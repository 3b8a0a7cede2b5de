package ca.gardien.requests;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The messages of a request just received: the acknowledgement of receipt, sent to the request's email address when it
 * has one, and a one-time code to every identifier that takes one ({@link IdentityVerification#sendAtIntake}).
 */
@Component
class IntakeNotices {

    private final Outbox outbox;
    private final Deadlines deadlines;
    private final RequestFacts facts;
    private final IdentityVerification verification;
    private final org.springframework.context.MessageSource words;

    IntakeNotices(
            Outbox outbox,
            Deadlines deadlines,
            RequestFacts facts,
            IdentityVerification verification,
            org.springframework.context.MessageSource words) {
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.facts = facts;
        this.verification = verification;
        this.words = words;
    }

    /**
     * Acknowledges the request and sends its codes, or holds them all back when {@code withheldBy} names a limit
     * reached (the public form's per identifier): the request stays received either way, and the ledger says what was
     * held back ({@code requests.acknowledgement-withheld}, {@code requests.code-withheld}), never to whom.
     */
    void send(RightsRequest request, List<IdentifierRow> rows, Actor actor, String withheldBy) {
        var codes = rows.stream()
                .filter(r -> IdentityVerification.takesCode(r.kind()))
                .toList();
        if (withheldBy == null) {
            acknowledge(request, rows);
            codes.forEach(r -> verification.sendAtIntake(request, r, actor));
            return;
        }
        if (rows.stream().anyMatch(r -> r.kind() == IdentifierKind.EMAIL)) {
            facts.record(
                    "acknowledgement-withheld", request.id(), actor, Map.of("channel", "EMAIL", "limit", withheldBy));
        }
        codes.forEach(r -> verification.withheld(request.id(), r.kind(), actor, withheldBy));
    }

    private void acknowledge(RightsRequest request, List<IdentifierRow> rows) {
        rows.stream().filter(r -> r.kind() == IdentifierKind.EMAIL).findFirst().ifPresent(email -> {
            outbox.queue(new Message(
                    Message.Channel.EMAIL,
                    email.value(),
                    "requests.acknowledgement",
                    Locale.forLanguageTag(request.language()),
                    List.of(
                            request.reference(),
                            // the request's type in the letter's language, not its code
                            words.getMessage(
                                    "rights.type." + request.type().name(),
                                    null,
                                    request.type().name(),
                                    Locale.forLanguageTag(request.language())),
                            // days in words in the message's language, as the letters write them
                            deadlines.inWords(
                                    deadlines.dayOf(request.jurisdiction(), request.receivedAt()), request.language()),
                            deadlines.inWords(request.dueOn(), request.language())),
                    "request",
                    request.id().toString(),
                    true));
            facts.record("acknowledged", request.id(), Actor.SYSTEM, Map.of("channel", "EMAIL"));
        });
    }
}
