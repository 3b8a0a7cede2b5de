package ca.gardien.requests;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The acknowledgement of receipt, sent to the request's email address when it has one. */
@Component
class IntakeNotices {

    private final Outbox outbox;
    private final Deadlines deadlines;
    private final RequestFacts facts;
    private final org.springframework.context.MessageSource words;

    IntakeNotices(
            Outbox outbox, Deadlines deadlines, RequestFacts facts, org.springframework.context.MessageSource words) {
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.facts = facts;
        this.words = words;
    }

    void acknowledge(RightsRequest request, List<IdentifierRow> rows) {
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
