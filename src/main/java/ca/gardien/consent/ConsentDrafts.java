package ca.gardien.consent;

import ca.gardien.consent.ConsentBatch.Draft;
import ca.gardien.consent.ConsentBatch.Drafted;
import ca.gardien.consent.ConsentRules.PurposeTerms;
import ca.gardien.shared.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The records a write adds, drafted before its subject is known ({@link ConsentBatch.Draft}). */
final class ConsentDrafts {

    private ConsentDrafts() {}

    /**
     * A consent, a refusal or a withdrawal as asked: its purpose must be in the data map and the legal rules must allow
     * it as given (else {@link ConsentRuleViolation}).
     */
    static Draft of(
            ConsentRequest request, ConsentTerms.AgeBand band, ConsentRecord.Proof proof, Instant now, Actor actor) {
        return map -> {
            var purpose = PurposeTerms.in(map, request.purpose());
            var facts =
                    new ConsentRules.Request(request.state(), request.kindOrExpress(), request.givenByOrPerson(), band);
            ConsentRules.broken(facts, purpose).ifPresent(rule -> {
                throw new ConsentRuleViolation(rule);
            });
            return subject -> List.of(new Drafted(
                    new ConsentRecord(
                            UUID.randomUUID(),
                            subject,
                            purpose.id(),
                            request.state(),
                            facts.kind(),
                            facts.givenBy(),
                            request.channel(),
                            request.noticeVersion(),
                            band,
                            proof,
                            now,
                            request.validUntil()),
                    actor));
        };
    }

    /**
     * A visitor's cookie-banner choice: one record per category, under the purpose {@code cookie-<category>}, by the
     * visitor. Under Global Privacy Control marketing is refused whatever was ticked.
     */
    static Draft ofBannerChoice(Map<String, Boolean> choices, ConsentRecord.Proof proof, Instant now) {
        return map -> subject -> {
            var actor = new Actor(Actor.Kind.SUBJECT, subject.toString());
            var drafted = new ArrayList<Drafted>();
            choices.forEach((category, granted) -> {
                boolean allowed = granted && !(proof.gpc() && "marketing".equals(category));
                var state = allowed ? ConsentTerms.State.GRANTED : ConsentTerms.State.REFUSED;
                drafted.add(new Drafted(
                        ConsentRecord.byPerson(
                                subject, "cookie-" + category, state, ConsentTerms.Channel.BANNER, proof, now),
                        actor));
            });
            return drafted;
        };
    }
}
