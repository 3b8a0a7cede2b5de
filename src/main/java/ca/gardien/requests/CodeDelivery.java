package ca.gardien.requests;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.mail.SmsSender;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.RateLimitedException;
import ca.gardien.shared.RateLimits;
import ca.gardien.shared.WebProperties;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Sends a one-time code to the identifier it proves: by email through the outbox, by SMS through the sender. The message
 * carries the address of the page that takes the code, so that a person who did not file on the portal (a request
 * entered by staff from a letter or a call) or who closed its page can use it.
 *
 * <p>Texts cost the organization: the per-identifier limits do not stop an attacker who rotates through many ordinary
 * numbers (SMS pumping), so all the codes sent by text count against one budget of the organization ({@link
 * #SMS_BUDGET}, counted for the cluster). Beyond it the code is claimed but sent to nobody and recorded as held back
 * ({@code requests.code-withheld}, {@code by} {@code sms-budget}), like a code held back by a per-identifier limit: the
 * caller's answer does not change, the request's timeline tells the person in charge, and the rate limits record the
 * budget reached (metric and ledger, never the number).
 */
@Component
class CodeDelivery {

    /** The organization's budget of codes sent by text message. */
    static final String SMS_BUDGET = "requests.sms-budget";

    private final Outbox outbox;
    private final SmsSender sms;
    private final RateLimits limits;
    private final RequestFacts facts;
    private final RequestsProperties properties;
    private final WebProperties web;

    CodeDelivery(
            Outbox outbox,
            SmsSender sms,
            RateLimits limits,
            RequestFacts facts,
            RequestsProperties properties,
            WebProperties web) {
        this.outbox = outbox;
        this.sms = sms;
        this.limits = limits;
        this.facts = facts;
        this.properties = properties;
        this.web = web;
        limits.watch(SMS_BUDGET); // operators alert on it (deploy/prometheus/gardien-alerts.yml)
    }

    /** The portal's page on which the person enters a request's codes (the request's id is unguessable). */
    static String codePage(java.util.UUID requestId) {
        return "/privacy/requests/" + requestId + "/code";
    }

    /** Sends the code (a text only within the SMS budget) and records it sent, or held back. */
    void deliver(RightsRequest request, IdentifierRow row, String code, Actor actor) {
        var minutes = String.valueOf(properties.verification().codeValidFor().toMinutes());
        var args = List.of(request.reference(), code, minutes, web.link(codePage(request.id())));
        var locale = Locale.forLanguageTag(request.language());
        var id = request.id().toString();
        var kind = row.kind().name();
        if (row.kind() == IdentifierKind.EMAIL) {
            // the email names the organization that sends it (officer review: a code from nobody the person could tell)
            outbox.queue(new Message(
                    Message.Channel.EMAIL, row.value(), "requests.code", locale, args, "request", id, true));
        } else if (withinSmsBudget()) {
            sms.send(new Message(Message.Channel.SMS, row.value(), "requests.code-sms", locale, args, "request", id));
        } else {
            facts.record(
                    "code-withheld",
                    request.id(),
                    actor,
                    Map.of("kind", kind, "limit", SMS_BUDGET, "by", "sms-budget"));
            return;
        }
        facts.record("code-sent", request.id(), actor, Map.of("kind", kind));
    }

    private boolean withinSmsBudget() {
        try {
            limits.consume(SMS_BUDGET, properties.limits().smsBudget(), "organization");
            return true;
        } catch (RateLimitedException e) {
            return false;
        }
    }
}
