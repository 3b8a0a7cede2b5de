package ca.gardien.connectors.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of webhook requests and callbacks: {@code X-Gardien-Signature: sha256=<hex HMAC-SHA-256(key,
 * timestamp + "." + body)>} with {@code X-Gardien-Timestamp: <epoch seconds>}; a callback older than five minutes is
 * refused, so that a captured one cannot be replayed later.
 */
public final class WebhookSignature {

    public static final String SIGNATURE = "X-Gardien-Signature";
    public static final String TIMESTAMP = "X-Gardien-Timestamp";
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignature() {}

    public static String sign(String key, long timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var bytes = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }

    public static boolean valid(String key, String timestamp, String signature, String body, Instant now) {
        if (key == null || timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        var expected = sign(key, seconds, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
    }
}
