package ca.gardien.opencompliance;

import ca.gardien.shared.SpecifiedErrors;
import ca.gardien.shared.WebEdge;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processor endpoints take the API's bearer tokens; the discovery documents and the certificate are public, as
 * controllers verifying callbacks fetch them. The request routes, in their four spellings, are the only paths the
 * tokens of a controller's system (role CONTROLLER) reach besides its own tokens. Refusals at the edge (a body over its
 * cap) take the specification's error shape on these paths, as the controller's own refusals do.
 */
@Configuration(proxyBeanMethods = false)
class OpenComplianceWebEdge {

    @Bean
    WebEdge openComplianceEdge() {
        return WebEdge.none()
                .withTokenApi("/opencompliance/**", "/opengdpr/**")
                .withControllerApi(
                        "/opencompliance/v1/opencompliance_requests/**",
                        "/opencompliance/v1/opengdpr_requests/**",
                        "/opengdpr/v1/opengdpr_requests/**",
                        "/opengdpr/v1/opencompliance_requests/**")
                .withPublicApiReads(
                        "/opencompliance/v1/discovery",
                        "/opencompliance/v1/certificate.pem",
                        "/opengdpr/v1/discovery",
                        "/opengdpr/v1/certificate.pem");
    }

    @Bean
    SpecifiedErrors openComplianceErrorShape() {
        return new SpecifiedErrors(List.of("/opencompliance/", "/opengdpr/"), OpenComplianceErrors::edge);
    }
}
