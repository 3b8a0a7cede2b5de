package ca.gardien.organization;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the two ways to authenticate, so that Swagger UI can call the API. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    /**
     * The server is Gardien's configured public address: springdoc otherwise builds it from the request's Host header,
     * so a forged header put another site in the document (attacker's review).
     */
    @Bean
    OpenAPI gardienOpenApi(ca.gardien.shared.WebProperties web) {
        return new OpenAPI()
                .servers(java.util.List.of(new io.swagger.v3.oas.models.servers.Server().url(web.baseUrl())))
                .info(new Info()
                        .title("Gardien API")
                        .version("v1")
                        .description("Personal-information governance under Québec Law 25, GDPR and CCPA. Errors are "
                                + "RFC 9457 problem details with stable type URIs under https://gardien.ca/problems/.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("An API token issued by POST /api/v1/tokens"))
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("Account credentials; accepted only by /api/v1/tokens")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
