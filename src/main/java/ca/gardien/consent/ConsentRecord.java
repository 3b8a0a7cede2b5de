package ca.gardien.consent;

import ca.gardien.consent.ConsentTerms.AgeBand;
import ca.gardien.consent.ConsentTerms.Channel;
import ca.gardien.consent.ConsentTerms.GivenBy;
import ca.gardien.consent.ConsentTerms.Kind;
import ca.gardien.consent.ConsentTerms.State;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a subject's consent history for one purpose. Never changed: a withdrawal is a new record. The subject is
 * an opaque id; identifiers, IP address and user agent are kept only as keyed hashes.
 */
public record ConsentRecord(
        UUID id,
        UUID subjectId,
        String purpose,
        State state,
        Kind kind,
        GivenBy givenBy,
        Channel channel,
        String noticeVersion,
        AgeBand ageBand,
        Proof evidence,
        Instant recordedAt,
        Instant validUntil) {

    /** A choice the person makes themselves (banner, preference page, unsubscribe): express, no notice version or end. */
    static ConsentRecord byPerson(UUID subject, String purpose, State state, Channel channel, Proof proof, Instant at) {
        return new ConsentRecord(
                UUID.randomUUID(),
                subject,
                purpose,
                state,
                Kind.EXPRESS,
                GivenBy.PERSON,
                channel,
                null,
                null,
                proof,
                at,
                null);
    }

    /** How the consent was collected: form, keyed hashes of IP address and user agent, language, GPC signal. */
    public record Proof(String formId, String ipHash, String userAgentHash, String language, boolean gpc) {}

    /** What the record's ledger entry says of it, with the extra keys of the fact (e.g. the grant an expiry ends). */
    Map<String, String> ledgerPayload(Map<String, String> extra) {
        var payload = new HashMap<String, String>(extra);
        payload.put("subject", subjectId.toString());
        payload.put("purpose", purpose);
        payload.put("state", state.name());
        payload.put("kind", kind.name());
        payload.put("givenBy", givenBy.name());
        payload.put("channel", channel.name());
        payload.put("gpc", String.valueOf(evidence.gpc()));
        if (noticeVersion != null) {
            payload.put("noticeVersion", noticeVersion);
        }
        if (validUntil != null) {
            payload.put("validUntil", validUntil.toString());
        }
        return payload;
    }
}
