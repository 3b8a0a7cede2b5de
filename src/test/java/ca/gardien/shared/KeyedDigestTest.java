package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyedDigestTest {

    private static final SubjectIdentifier EMAIL = SubjectIdentifier.parse("email:someone@example.test", "CA");

    @Test
    void hashesIdentifiersUnderAKeyKeptInTheKeyDirectory(@TempDir Path keys) {
        var key = KeyedDigest.loadOrCreate(keys, "test-hmac.key");
        var digest = key.digest(EMAIL);
        assertThat(digest).hasSize(64).doesNotContain("someone");
        assertThat(KeyedDigest.loadOrCreate(keys, "test-hmac.key").digest(EMAIL))
                .isEqualTo(digest);
        assertThat(KeyedDigest.loadOrCreate(keys.resolve("other"), "test-hmac.key")
                        .digest(EMAIL))
                .isNotEqualTo(digest);
        assertThat(key.digest(new SubjectIdentifier(IdentifierKind.CUSTOMER, "someone@example.test")))
                .isNotEqualTo(digest);
    }

    @Test
    void labelsAnIdentifierWithItsLowerCaseKindAsConsentAlwaysDid() throws Exception {
        var secret = new byte[32];
        assertThat(new KeyedDigest(secret).digest(EMAIL)).isEqualTo(hmac(secret, "email", "someone@example.test"));
    }

    @Test
    void aDigestStoredUnderTheOldUpperCaseLabelOfRequestsIsStillAmongTheStoredDigests() throws Exception {
        var secret = new byte[32];
        secret[0] = 7;
        var storedByRequestsBefore = hmac(secret, "EMAIL", "someone@example.test");
        assertThat(new KeyedDigest(secret).storedDigests(EMAIL)).contains(storedByRequestsBefore);
        assertThat(new KeyedDigest(secret).storedDigests(EMAIL).getFirst())
                .isEqualTo(new KeyedDigest(secret).digest(EMAIL));
    }

    @Test
    void comparesDigestsOnlyWhenBothArePresent() {
        assertThat(KeyedDigest.same("ab", "ab")).isTrue();
        assertThat(KeyedDigest.same("ab", "ac")).isFalse();
        assertThat(KeyedDigest.same(null, null)).isFalse();
    }

    /** The scheme written out by hand: HMAC-SHA-256 of label, a zero byte, the text. */
    private static String hmac(byte[] secret, String label, String text) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        mac.update(label.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
