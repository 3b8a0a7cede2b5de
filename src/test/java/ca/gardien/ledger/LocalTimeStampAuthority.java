package ca.gardien.ledger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * An RFC 3161 time-stamping authority on 127.0.0.1 for tests (BouncyCastle behind the JDK's HTTP server), with its own
 * self-signed certificate. It can also be made to fail or to hang.
 */
final class LocalTimeStampAuthority implements AutoCloseable {

    enum Mode {
        GRANT,
        FAIL,
        HANG
    }

    private final HttpServer server;
    private final X509Certificate certificate;
    private final TimeStampResponseGenerator responses;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger serial = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    volatile Mode mode = Mode.GRANT;

    LocalTimeStampAuthority() throws Exception {
        var keys = KeyPairGenerator.getInstance("EC").generateKeyPair();
        certificate = selfSigned(keys);
        var signer = new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", keys.getPrivate(), certificate);
        var digest = new JcaDigestCalculatorProviderBuilder()
                .build()
                .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                        org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1));
        var tokens = new TimeStampTokenGenerator(signer, digest, new ASN1ObjectIdentifier("1.2.3.4.1"));
        tokens.addCertificates(new JcaCertStore(List.of(certificate)));
        responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/tsa", this::answer);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    }

    X509Certificate certificate() {
        return certificate;
    }

    String certificatePem() throws Exception {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private void answer(HttpExchange exchange) {
        requests.incrementAndGet();
        try {
            var body = exchange.getRequestBody().readAllBytes();
            switch (mode) {
                case HANG -> {
                    released.await();
                    exchange.sendResponseHeaders(503, -1);
                }
                case FAIL -> exchange.sendResponseHeaders(503, -1);
                case GRANT -> {
                    var request = new TimeStampRequest(body);
                    var response = responses.generate(
                            request, BigInteger.valueOf(serial.incrementAndGet()), Date.from(Instant.now()));
                    var bytes = response.getEncoded();
                    exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                }
            }
        } catch (Exception e) {
            try {
                exchange.sendResponseHeaders(500, -1);
            } catch (IOException alreadySent) {
                // the client went away
            }
        } finally {
            exchange.close();
        }
    }

    private static X509Certificate selfSigned(KeyPair keys) throws Exception {
        var name = new X500Name("CN=Local test TSA, O=example.test");
        var now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(
                name,
                BigInteger.ONE,
                Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))),
                name,
                keys.getPublic());
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
