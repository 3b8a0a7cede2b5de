package ca.gardien.console;

import ca.gardien.shared.BodyLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The console forms that take a file (the officer entry's scanned letter and representative's document, a request's attachments and
 * representative's document, a complaint's letter
 * and documents) accept bodies of
 * {@code gardien.requests.delivery.max-upload} plus room for the other fields; the requests module refuses a larger
 * file by name.
 */
@Configuration(proxyBeanMethods = false)
class RequestUploadLimits {

    static final DataSize OTHER_FIELDS = DataSize.ofMegabytes(2);

    @Bean
    BodyLimit consoleEntryUpload(@Value("${gardien.requests.delivery.max-upload:10MB}") DataSize maxUpload) {
        return new BodyLimit("/console/requests/new", plus(maxUpload));
    }

    @Bean
    BodyLimit consoleAttachmentUpload(@Value("${gardien.requests.delivery.max-upload:10MB}") DataSize maxUpload) {
        return new BodyLimit("/console/requests/*/attachments", plus(maxUpload));
    }

    @Bean
    BodyLimit consoleRepresentativeDocumentUpload(
            @Value("${gardien.requests.delivery.max-upload:10MB}") DataSize maxUpload) {
        return new BodyLimit("/console/requests/*/documents", plus(maxUpload));
    }

    @Bean
    BodyLimit consoleComplaintEntryUpload(@Value("${gardien.requests.delivery.max-upload:10MB}") DataSize maxUpload) {
        return new BodyLimit("/console/complaints/new", plus(maxUpload));
    }

    @Bean
    BodyLimit consoleComplaintDocumentUpload(
            @Value("${gardien.requests.delivery.max-upload:10MB}") DataSize maxUpload) {
        return new BodyLimit("/console/complaints/*/documents", plus(maxUpload));
    }

    private static DataSize plus(DataSize maxUpload) {
        return DataSize.ofBytes(maxUpload.toBytes() + OTHER_FIELDS.toBytes());
    }
}
