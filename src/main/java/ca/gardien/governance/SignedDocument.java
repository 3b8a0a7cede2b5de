package ca.gardien.governance;

import ca.gardien.shared.FormSteps;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The signed document an officer attaches on the console (a delegation, a provider's commitment): the server computes
 * its SHA-256 and keeps only that, so no one types 64 hexadecimal characters. A body is bounded like any upload
 * ({@code gardien.requests.delivery.max-upload} plus room for the other fields) and must declare its length.
 */
@Configuration(proxyBeanMethods = false)
class SignedDocument {

    private static final long OTHER_FIELDS = DataSize.ofMegabytes(2).toBytes();

    @Bean
    ca.gardien.shared.BodyLimit governanceCommitmentUpload(
            @Value("${gardien.requests.delivery.max-upload:10MB}") DataSize maxUpload) {
        return new ca.gardien.shared.BodyLimit(
                RegisterPages.PROVIDERS + "/*/commitments", DataSize.ofBytes(maxUpload.toBytes() + OTHER_FIELDS));
    }

    @Bean
    ca.gardien.shared.BodyLimit governanceOfficerUpload(
            @Value("${gardien.requests.delivery.max-upload:10MB}") DataSize maxUpload) {
        return new ca.gardien.shared.BodyLimit(
                OfficerPages.PAGE + "/*", DataSize.ofBytes(maxUpload.toBytes() + OTHER_FIELDS));
    }

    /** The attached document's SHA-256 when one is attached, else the hash typed (API callers), else {@code null}. */
    static String sha256(MultipartFile document, String typed) {
        if (document == null || document.isEmpty()) {
            return FormSteps.blank(typed);
        }
        try {
            return ca.gardien.shared.Digests.sha256Hex(document.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
