package ca.gardien.opencompliance;

import ca.gardien.shared.KeyFolder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The processor's signing key: ECDSA on P-256 with SHA-256 (FIPS 186-4), created at first start with a self-made
 * certificate for the processor domain. The specification wants a CA-issued certificate: in production, replace the
 * two files by a key and a certificate from a CA (docs/opencompliance.md). Ed25519, used by the ledger, is not a FIPS 186-4 algorithm.
 */
final class ProcessorKey {

    static final String KEY_FILE = "opencompliance-signing-key.pem";
    static final String CERT_FILE = "opencompliance-certificate.pem";
    static final String ALGORITHM = "SHA256withECDSA";

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private ProcessorKey(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    static ProcessorKey loadOrCreate(Path directory, String domain) {
        try {
            var keyFile = directory.resolve(KEY_FILE);
            var certFile = directory.resolve(CERT_FILE);
            if (!Files.exists(keyFile) || !Files.exists(certFile)) {
                KeyFolder.exclusively(directory, () -> {
                    if (!Files.exists(keyFile)) { // else another node created it meanwhile
                        create(keyFile, certFile, domain);
                    } else if (!Files.exists(certFile)) {
                        throw new IllegalStateException("The key directory holds the OpenCompliance key without its"
                                + " certificate " + CERT_FILE + ": restore it from a backup");
                    }
                    return null;
                });
            }
            var der = Base64.getMimeDecoder().decode(strip(Files.readString(keyFile)));
            var key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            var cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(certFile)));
            return new ProcessorKey(key, cert);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the OpenCompliance signing key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unusable OpenCompliance signing key", e);
        }
    }

    /** Base64 of the ECDSA (DER) signature of the SHA-256 digest of the bytes. */
    String sign(byte[] body) {
        try {
            var signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign", e);
        }
    }

    X509Certificate certificate() {
        return certificate;
    }

    String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void create(Path keyFile, Path certFile, String domain)
            throws IOException, GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        var now = Instant.now();
        var name = new X500Name("CN=" + domain.replaceAll("[^A-Za-z0-9.-]", ""));
        var builder = new JcaX509v3CertificateBuilder(
                name,
                new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(825))),
                name,
                pair.getPublic());
        X509Certificate cert;
        try {
            cert = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(ALGORITHM).build(pair.getPrivate())));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        try {
            KeyFolder.write(
                    certFile, pem("CERTIFICATE", cert.getEncoded()), false); // the key last: it marks the pair whole
            KeyFolder.write(keyFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), true);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static String pem(String label, byte[] der) {
        var body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static String strip(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }
}
