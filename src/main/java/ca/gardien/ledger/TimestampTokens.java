package ca.gardien.ledger;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * RFC 3161 timestamp tokens over checkpoints: the message imprint is the SHA-256 of the checkpoint's canonical text, so
 * a token proves that the authority saw that head at its time. Requests are made by {@link TimeStampAuthority}.
 */
final class TimestampTokens {

    private static final SecureRandom NONCES = new SecureRandom();

    /** The outcome of checking one token: its time, or the problem that makes the checkpoint untrustworthy. */
    record Check(Instant time, String problem) {}

    private TimestampTokens() {}

    static TimeStampRequest request(Checkpoint c) {
        var generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        return generator.generate(TSPAlgorithms.SHA256, imprint(c), new BigInteger(64, NONCES));
    }

    /**
     * The token of an authority's answer to {@code request}, base64; refuses an answer that is not a granted token for
     * this very request (status, nonce, imprint).
     */
    static String token(TimeStampRequest request, byte[] response) throws IOException, TSPException {
        var answer = new TimeStampResponse(response);
        answer.validate(request);
        var token = answer.getTimeStampToken();
        if (token == null) {
            throw new TSPException("the authority granted no token (status " + answer.getStatus() + ")");
        }
        return Base64.getEncoder().encodeToString(token.getEncoded());
    }

    /**
     * Checks the token of {@code c}: its imprint must be the checkpoint's, and its signature must verify with
     * {@code trusted} when given, otherwise with the certificate the token carries (integrity only: anyone can run an
     * authority of their own, which is why an auditor gives the trusted one).
     */
    static Check check(Checkpoint c, X509Certificate trusted) {
        TimeStampToken token;
        try {
            token = new TimeStampToken(new CMSSignedData(Base64.getDecoder().decode(c.timestampToken())));
        } catch (CMSException | TSPException | IOException | IllegalArgumentException e) {
            return problem(c, "cannot be read");
        }
        var info = token.getTimeStampInfo();
        if (!TSPAlgorithms.SHA256.equals(info.getMessageImprintAlgOID())
                || !MessageDigest.isEqual(imprint(c), info.getMessageImprintDigest())) {
            return problem(c, "does not match the checkpoint: it was altered or belongs to another checkpoint");
        }
        try {
            if (trusted != null) {
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(trusted));
            } else {
                var carried = token.getCertificates().getMatches(token.getSID());
                if (carried.isEmpty()) {
                    return problem(c, "carries no certificate to check its signature with");
                }
                token.validate(new JcaSimpleSignerInfoVerifierBuilder()
                        .build((X509CertificateHolder) carried.iterator().next()));
            }
        } catch (TSPException | OperatorCreationException | java.security.cert.CertificateException e) {
            return problem(c, trusted != null ? "is not signed by the given authority" : "has an invalid signature");
        }
        return new Check(info.getGenTime().toInstant(), null);
    }

    private static Check problem(Checkpoint c, String why) {
        return new Check(null, "the timestamp token of checkpoint " + c.sequence() + " " + why);
    }

    private static byte[] imprint(Checkpoint c) {
        return CanonicalForm.sha256().digest(c.text().getBytes(StandardCharsets.UTF_8));
    }
}
