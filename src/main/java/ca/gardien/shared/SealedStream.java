package ca.gardien.shared;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A document too large to hold in memory (an export package), sealed under a subject key as it is written and opened
 * as it is read: AES-256-GCM in chunks of {@value #CHUNK} bytes, each with its own random IV. Every chunk's additional
 * authenticated data binds it to the key's id, to its place in the document and to whether it is the last one, so a
 * chunk cannot be moved, dropped, repeated or taken from another document, and a document cut after any chunk does not
 * open (its last chunk is missing).
 *
 * <p>Layout: {@code sks1}, then per chunk one flag byte (1 on the last chunk), the ciphertext's length (4 bytes), the IV
 * (12 bytes) and the ciphertext with its tag.
 */
final class SealedStream {

    static final byte[] MAGIC = "sks1".getBytes(StandardCharsets.US_ASCII);
    static final int CHUNK = 64 * 1024;
    private static final int IV_BYTES = 12;
    private static final int TAG_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SealedStream() {}

    /** Seals what is written into {@code out}; {@link OutputStream#close} writes the last chunk and closes {@code out}. */
    static OutputStream sealing(OutputStream out, byte[] key, UUID id) throws IOException {
        out.write(MAGIC);
        return new Sealing(out, key, id);
    }

    /** Opens a sealed document whose {@link #MAGIC} was already read; fails (IOException) on any alteration. */
    static InputStream opening(InputStream in, byte[] key, UUID id) {
        return new Opening(new DataInputStream(in), key, id);
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, UUID id, long index, boolean last)
            throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BYTES * 8, iv));
        cipher.updateAAD(ByteBuffer.allocate(36 + 8 + 1)
                .put(id.toString().getBytes(StandardCharsets.US_ASCII))
                .putLong(index)
                .put((byte) (last ? 1 : 0))
                .array());
        return cipher;
    }

    private static final class Sealing extends FilterOutputStream {
        private final byte[] key;
        private final UUID id;
        private final byte[] buffer = new byte[CHUNK];
        private int filled;
        private long index;
        private boolean closed;

        Sealing(OutputStream out, byte[] key, UUID id) {
            super(out);
            this.key = key;
            this.id = id;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (filled == CHUNK) {
                    chunk(false);
                }
                int n = Math.min(len, CHUNK - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush(); // a chunk is sealed whole: what is buffered goes out with it
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (var target = out) {
                chunk(true);
                target.flush();
            }
        }

        private void chunk(boolean last) throws IOException {
            var iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            byte[] sealed;
            try {
                sealed = cipher(Cipher.ENCRYPT_MODE, key, iv, id, index++, last).doFinal(buffer, 0, filled);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot seal with a subject key", e);
            }
            out.write(last ? 1 : 0);
            out.write(ByteBuffer.allocate(4).putInt(sealed.length).array());
            out.write(iv);
            out.write(sealed);
            filled = 0;
        }
    }

    private static final class Opening extends InputStream {
        private final DataInputStream in;
        private final byte[] key;
        private final UUID id;
        private byte[] plain = new byte[0];
        private int position;
        private long index;
        private boolean ended;

        Opening(DataInputStream in, byte[] key, UUID id) {
            this.in = in;
            this.key = key;
            this.id = id;
        }

        @Override
        public int read() throws IOException {
            return more() ? plain[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!more()) {
                return -1;
            }
            int n = Math.min(len, plain.length - position);
            System.arraycopy(plain, position, b, off, n);
            position += n;
            return n;
        }

        /** Whether a byte is left to read, opening the next chunk when this one is read. */
        private boolean more() throws IOException {
            while (position == plain.length) {
                if (ended) {
                    return false;
                }
                next();
            }
            return true;
        }

        private void next() throws IOException {
            try {
                int flag = in.readUnsignedByte();
                int length = in.readInt();
                if (flag > 1 || length < TAG_BYTES || length > CHUNK + TAG_BYTES) {
                    throw altered();
                }
                var iv = in.readNBytes(IV_BYTES);
                var sealed = in.readNBytes(length);
                if (sealed.length != length || iv.length != IV_BYTES) {
                    throw altered();
                }
                plain = cipher(Cipher.DECRYPT_MODE, key, iv, id, index++, flag == 1)
                        .doFinal(sealed);
                position = 0;
                ended = flag == 1;
                if (ended && in.read() != -1) {
                    throw altered(); // something after the last chunk
                }
            } catch (EOFException e) {
                throw altered(); // cut short: the last chunk never came
            } catch (GeneralSecurityException e) {
                throw altered();
            }
        }

        private static IOException altered() {
            return new IOException("a sealed document does not open with its subject key (altered or cut short)");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
