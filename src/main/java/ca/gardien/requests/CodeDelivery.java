package ca.gardien.requests;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.mail.SmsSender;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.WebProperties;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Sends a one-time code to the identifier it proves: by email through the outbox, by SMS through the sender. The message
 * carries the address of the page that takes the code, so that a person who did not file on the portal (a request
 * entered by staff from a letter or a call) or who closed its page can use it.
 */
@Component
class CodeDelivery {

    private final Outbox outbox;
    private final SmsSender sms;
    private final RequestsProperties properties;
    private final WebProperties web;
    private final Deadlines deadlines;

    CodeDelivery(Outbox outbox, SmsSender sms, RequestsProperties properties, WebProperties web, Deadlines deadlines) {
        this.deadlines = deadlines;
        this.outbox = outbox;
        this.sms = sms;
        this.properties = properties;
        this.web = web;
    }

    /** The portal's page on which the person enters a request's codes (the request's id is unguessable). */
    static String codePage(java.util.UUID requestId) {
        return "/privacy/requests/" + requestId + "/code";
    }

    void deliver(RightsRequest request, IdentifierRow row, String code) {
        var minutes = String.valueOf(properties.verification().codeValidFor().toMinutes());
        var args = List.of(request.reference(), code, minutes, web.link(codePage(request.id())));
        var locale = Locale.forLanguageTag(request.language());
        var id = request.id().toString();
        if (row.kind() == IdentifierKind.EMAIL) {
            // the email names the organization that sends it (officer review: a code from nobody the person could tell)
            outbox.queue(new Message(
                    Message.Channel.EMAIL, row.value(), "requests.code", locale, args, "request", id, true));
        } else {
            sms.send(new Message(Message.Channel.SMS, row.value(), "requests.code-sms", locale, args, "request", id));
        }
    }
}
