package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Documents sealed as streams under a subject key (export packages): they open whole with their own key, never once
 * the key is destroyed, and an altered, reordered, cut or moved document fails to open instead of reading short.
 */
class SealedStreamTest {

    static final int CHUNK = SealedStream.CHUNK;

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17})
    void aDocumentOfAnySizeOpensWholeWithItsKeyAndHoldsNothingInClear(int size) throws IOException {
        var keys = new SubjectKeys(folder);
        var key = keys.create();
        var plain = document(size);

        var sealed = seal(keys.key(key), plain);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("personne@example.test");
        assertThat(open(keys.key(key), sealed)).isEqualTo(plain);
        assertThat(byteByByte(keys.key(key), sealed))
                .as("read one byte at a time")
                .isEqualTo(plain);
    }

    @Test
    void onceTheKeyIsDestroyedACopyTakenBeforeDoesNotOpen() throws IOException {
        var keys = new SubjectKeys(folder);
        var key = keys.create();
        var sealed = seal(keys.key(key), document(2 * CHUNK));

        keys.shred(key);

        assertThat(new SubjectKeys(folder).key(key).opening(new ByteArrayInputStream(sealed)))
                .isNull();
        assertThatThrownBy(() -> keys.key(key).sealing(new ByteArrayOutputStream()))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void anAlteredByteFailsTheRead() throws IOException {
        var keys = new SubjectKeys(folder);
        var key = keys.create();
        var sealed = seal(keys.key(key), document(2 * CHUNK));
        sealed[sealed.length / 2] ^= 1;

        assertThatThrownBy(() -> open(keys.key(key), sealed))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void aDocumentCutAfterAWholeChunkFailsInsteadOfReadingShort() throws IOException {
        var keys = new SubjectKeys(folder);
        var key = keys.create();
        var sealed = seal(keys.key(key), document(2 * CHUNK + 5));
        // magic, then the first chunk whole: flag, length, IV and its ciphertext
        int firstChunkEnd = 4 + 1 + 4 + 12 + ByteBuffer.wrap(sealed, 5, 4).getInt();

        var cut = Arrays.copyOf(sealed, firstChunkEnd);

        assertThatThrownBy(() -> open(keys.key(key), cut)).isInstanceOf(IOException.class);
    }

    @Test
    void chunksSwappedOrTakenFromAnotherDocumentOrSubjectDoNotOpen() throws IOException {
        var keys = new SubjectKeys(folder);
        var mine = keys.create();
        var theirs = keys.create();
        var sealed = seal(keys.key(mine), document(2 * CHUNK));
        int chunk = 1 + 4 + 12 + CHUNK + 16;
        var swapped = sealed.clone();
        System.arraycopy(sealed, 4, swapped, 4 + chunk, chunk);
        System.arraycopy(sealed, 4 + chunk, swapped, 4, chunk);

        assertThatThrownBy(() -> open(keys.key(mine), swapped)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> open(keys.key(theirs), sealed)).isInstanceOf(IOException.class);
        var extra = Arrays.copyOf(sealed, sealed.length + 1);
        assertThatThrownBy(() -> open(keys.key(mine), extra)).isInstanceOf(IOException.class);
    }

    @Test
    void aDocumentStoredBeforeSealingReadsAsItIsAndNoKeyWritesInClear() throws IOException {
        var keys = new SubjectKeys(folder);
        var plain = "{\"run\":\"r\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(open(keys.key(keys.create()), plain)).isEqualTo(plain);
        assertThat(seal(keys.key(null), plain)).isEqualTo(plain);
        assertThat(open(keys.key(null), plain)).isEqualTo(plain);
    }

    /** Synthetic JSON-like text of about {@code size} bytes with a person's address repeated in it. */
    static byte[] document(int size) {
        var random = new Random(size);
        var text = new StringBuilder();
        while (text.length() < size) {
            text.append("{\"email\":\"personne@example.test\",\"n\":")
                    .append(random.nextInt())
                    .append("},");
        }
        return text.substring(0, size).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] seal(SubjectKey key, byte[] plain) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var sealing = key.sealing(out)) {
            // in uneven pieces, as a JSON generator writes
            for (int at = 0; at < plain.length; at += 1000) {
                sealing.write(plain, at, Math.min(1000, plain.length - at));
            }
        }
        return out.toByteArray();
    }

    static byte[] byteByByte(SubjectKey key, byte[] sealed) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var in = key.opening(new ByteArrayInputStream(sealed))) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                out.write(b);
            }
            assertThat(in.read(new byte[0], 0, 0))
                    .as("a read of nothing reads nothing")
                    .isZero();
        }
        return out.toByteArray();
    }

    static byte[] open(SubjectKey key, byte[] sealed) throws IOException {
        try (var in = key.opening(new ByteArrayInputStream(sealed))) {
            return in.readAllBytes();
        }
    }
}
