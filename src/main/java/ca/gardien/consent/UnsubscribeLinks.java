package ca.gardien.consent;

import ca.gardien.shared.KeyedDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Signed one-click unsubscribe links (RFC 8058): {@code /consent/unsubscribe/<subject id>.<purpose>.<signature>}. The
 * signature is an HMAC under the consent key, so no account is needed and nobody can forge a link for someone else.
 */
@Component
class UnsubscribeLinks {

    static final String PATH = "/consent/unsubscribe/";
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9._-]{1,100}");

    /** What a valid token stands for. */
    record Target(UUID subject, String purpose) {}

    private final KeyedDigest key;

    UnsubscribeLinks(@Qualifier(ConsentConfiguration.KEY) KeyedDigest key) {
        this.key = key;
    }

    String token(UUID subject, String purpose) {
        return subject + "." + purpose + "." + signature(subject, purpose);
    }

    /** The target of a token, or {@code null} when the token is malformed or its signature does not match. */
    Target verify(String token) {
        var parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length < 3) {
            return null;
        }
        var signature = parts[parts.length - 1];
        var purpose = token.substring(parts[0].length() + 1, token.length() - signature.length() - 1);
        UUID subject;
        try {
            subject = UUID.fromString(parts[0]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!PURPOSE.matcher(purpose).matches()) {
            return null;
        }
        boolean valid = MessageDigest.isEqual(
                signature(subject, purpose).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
        return valid ? new Target(subject, purpose) : null;
    }

    private String signature(UUID subject, String purpose) {
        var hex = key.digest("unsubscribe", subject + "\n" + purpose);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(java.util.HexFormat.of().parseHex(hex));
    }
}
