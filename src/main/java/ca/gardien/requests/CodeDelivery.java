package ca.gardien.requests;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.mail.SmsSender;
import ca.gardien.shared.IdentifierKind;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Sends a one-time code to the identifier it proves: by email through the outbox, by SMS through the sender. */
@Component
class CodeDelivery {

    private final Outbox outbox;
    private final SmsSender sms;
    private final RequestsProperties properties;

    CodeDelivery(Outbox outbox, SmsSender sms, RequestsProperties properties) {
        this.outbox = outbox;
        this.sms = sms;
        this.properties = properties;
    }

    void deliver(RightsRequest request, IdentifierRow row, String code) {
        var minutes = String.valueOf(properties.verification().codeValidFor().toMinutes());
        var args = List.of(request.reference(), code, minutes);
        var locale = Locale.forLanguageTag(request.language());
        var id = request.id().toString();
        if (row.kind() == IdentifierKind.EMAIL) {
            outbox.queue(new Message(Message.Channel.EMAIL, row.value(), "requests.code", locale, args, "request", id));
        } else {
            sms.send(new Message(Message.Channel.SMS, row.value(), "requests.code-sms", locale, args, "request", id));
        }
    }
}
