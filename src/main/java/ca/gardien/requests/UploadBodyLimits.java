package ca.gardien.requests;

import ca.gardien.shared.BodyLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The two endpoints that take a scanned letter or a representative's document accept bodies of
 * {@code gardien.requests.delivery.max-upload} plus room for the other parts; every other body keeps the default cap.
 */
@Configuration(proxyBeanMethods = false)
class UploadBodyLimits {

    static final DataSize OTHER_PARTS = DataSize.ofMegabytes(2);

    @Bean
    BodyLimit officerEntryUpload(RequestsProperties properties) {
        return new BodyLimit("/api/v1/requests/officer-entry", withOtherParts(properties));
    }

    @Bean
    BodyLimit representativeDocumentUpload(RequestsProperties properties) {
        return new BodyLimit("/api/v1/requests/*/documents", withOtherParts(properties));
    }

    private static DataSize withOtherParts(RequestsProperties properties) {
        return DataSize.ofBytes(properties.delivery().maxUpload().toBytes() + OTHER_PARTS.toBytes());
    }
}
