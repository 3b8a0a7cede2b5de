package ca.gardien.ledger;

import ca.gardien.shared.KeyFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key pair that signs checkpoints. Created at first start in the key directory (PEM files the auditor can
 * use with openssl); every node of a cluster must be given the same directory or files.
 */
final class SigningKeys {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    private static final String PRIVATE_FILE = "ledger-ed25519.key";
    private static final String PUBLIC_FILE = "ledger-ed25519.pub";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;
    private final String publicKeyPem;

    private SigningKeys(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = pair.getPublic();
        this.keyId = keyId(publicKey);
        this.publicKeyPem = pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /**
     * The key in {@code directory}, created there when absent. Nodes sharing the folder create it one at a time
     * ({@link KeyFolder}): the public half is written first and the private half last, so a folder holding the private
     * key holds the whole key.
     */
    static SigningKeys loadOrCreate(Path directory) {
        var priv = directory.resolve(PRIVATE_FILE);
        var pub = directory.resolve(PUBLIC_FILE);
        try {
            if (Files.exists(priv) && Files.exists(pub)) {
                return load(priv, pub);
            }
            return KeyFolder.exclusively(directory, () -> {
                if (Files.exists(priv)) {
                    if (!Files.exists(pub)) {
                        throw new IllegalStateException("The key directory holds the ledger's private key without its"
                                + " public key " + PUBLIC_FILE + ": restore it from a backup");
                    }
                    return load(priv, pub); // another node created it meanwhile
                }
                var keys =
                        new SigningKeys(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
                KeyFolder.write(pub, keys.publicKeyPem, false);
                KeyFolder.write(priv, pem("PRIVATE KEY", keys.privateKey.getEncoded()), true);
                log.info("Created ledger signing key {} in the key directory", keys.keyId);
                return keys;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the ledger signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read or create the ledger signing key", e);
        }
    }

    private static SigningKeys load(Path priv, Path pub) throws IOException, GeneralSecurityException {
        var factory = KeyFactory.getInstance("Ed25519");
        return new SigningKeys(new KeyPair(
                factory.generatePublic(new X509EncodedKeySpec(der(Files.readString(pub)))),
                factory.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(priv))))));
    }

    String sign(String text) {
        try {
            var signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a ledger checkpoint", e);
        }
    }

    /** Whether this key signed {@code c}: the checkpoint names this key and the signature verifies over its text. */
    boolean signed(Checkpoint c) {
        if (!keyId.equals(c.keyId())) {
            return false;
        }
        try {
            var signature = Signature.getInstance("Ed25519");
            signature.initVerify(publicKey);
            signature.update(c.text().getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(c.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    String keyId() {
        return keyId;
    }

    String publicKeyPem() {
        return publicKeyPem;
    }

    /** First 16 hex digits of the SHA-256 of the public key's DER (SubjectPublicKeyInfo) encoding. */
    static String keyId(PublicKey key) {
        return CanonicalForm.sha256Hex(key.getEncoded()).substring(0, 16);
    }

    private static String pem(String type, byte[] der) {
        var body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getDecoder().decode(ChainVerifier.normalizePem(pem));
    }
}
