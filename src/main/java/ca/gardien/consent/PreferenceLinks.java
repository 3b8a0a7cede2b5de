package ca.gardien.consent;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.KeyedDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed, expiring links to a person's preference page: {@code /consent/preferences/<subject id>.<expiry>.<signature>},
 * the expiry in epoch seconds, the signature an HMAC under the consent key. The link is the capability (no account):
 * anyone holding it may change that person's choices until it expires, so it is sent only to the person.
 */
@Component
class PreferenceLinks {

    static final String PATH = "/consent/preferences/";

    /** What a token is worth: valid for a subject, forged or malformed, or genuine but expired. */
    sealed interface Verdict {}

    record Valid(UUID subject, Instant expiresAt) implements Verdict {}

    record Invalid() implements Verdict {}

    record Expired() implements Verdict {}

    /** A link as issued: the path (token included) and when it stops working. */
    record Issued(String path, Instant expiresAt) {}

    private final KeyedDigest key;
    private final ConsentProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PreferenceLinks(
            @Qualifier(ConsentConfiguration.KEY) KeyedDigest key,
            ConsentProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.key = key;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Issues a link for the subject, valid for {@code gardien.consent.preference-link-validity}; a ledger fact. */
    @Transactional
    Issued issue(UUID subject, Actor actor) {
        var now = clock.instant();
        var expiresAt = now.plus(properties.preferenceLinkValidity()).truncatedTo(ChronoUnit.SECONDS);
        events.publishEvent(Evidence.of(
                now,
                actor,
                "consent.preference-link-issued",
                "consent-subject",
                subject,
                Map.of("expiresAt", expiresAt.toString())));
        return new Issued(PATH + token(subject, expiresAt), expiresAt);
    }

    String token(UUID subject, Instant expiresAt) {
        long expiry = expiresAt.getEpochSecond();
        return subject + "." + expiry + "." + signature(subject, expiry);
    }

    /** Checks the signature first, so that a token with an altered expiry is invalid rather than expired. */
    Verdict verify(String token, Instant now) {
        var parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !parts[1].matches("\\d{1,12}")) {
            return new Invalid();
        }
        UUID subject;
        try {
            subject = UUID.fromString(parts[0]);
        } catch (IllegalArgumentException e) {
            return new Invalid();
        }
        long expiry = Long.parseLong(parts[1]);
        boolean genuine = MessageDigest.isEqual(
                signature(subject, expiry).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
        if (!genuine) {
            return new Invalid();
        }
        var expiresAt = Instant.ofEpochSecond(expiry);
        return now.isBefore(expiresAt) ? new Valid(subject, expiresAt) : new Expired();
    }

    private String signature(UUID subject, long expiry) {
        var hex = key.digest("preferences", subject + "\n" + expiry);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(HexFormat.of().parseHex(hex));
    }
}
