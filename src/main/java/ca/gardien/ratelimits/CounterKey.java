package ca.gardien.ratelimits;

import ca.gardien.shared.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA-256 key under which limited keys (addresses, identifiers) are counted: the counters table holds no
 * address or identifier, and a copy of it cannot be reversed by hashing guesses without the key. Created at first start.
 */
final class CounterKey {

    static final String FILE = "ratelimits-hmac.key";

    private final SecretKeySpec key;

    CounterKey(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the rate-limit HMAC key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    static CounterKey loadOrCreate(Path directory) {
        return new CounterKey(SecretFiles.readOrCreate(directory, FILE, 32));
    }

    /** Lower-case hex HMAC of the key under the limit's name, so that one key counts apart under each limit. */
    String digest(String limit, String limitedKey) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(limit.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(limitedKey.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }
}
