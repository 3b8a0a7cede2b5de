package ca.gardien.complaints;

import ca.gardien.shared.BodyLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * A complaint file's documents (the scanned letter, supporting documents) take files as large as a request's
 * ({@code gardien.requests.delivery.max-upload}) plus room for the other fields, not the API's default 1 MB cap.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintUploadLimits {

    @Bean
    BodyLimit complaintDocumentUpload(@Value("${gardien.requests.delivery.max-upload:10MB}") DataSize maxUpload) {
        return new BodyLimit(
                "/api/v1/complaints/*/documents",
                DataSize.ofBytes(maxUpload.toBytes() + DataSize.ofMegabytes(2).toBytes()));
    }
}
