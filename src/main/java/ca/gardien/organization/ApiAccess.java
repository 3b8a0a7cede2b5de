package ca.gardien.organization;

import java.util.stream.Stream;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Who reaches the API paths ({@code /api/**} and the token-authenticated paths modules serve outside it), by role. The
 * console, the API and the metrics admit the roles of people by allow-list ({@link Role#people()}), so that a role added
 * later is refused until it is named; an OpenCompliance controller's system reaches only the paths its module names
 * for it (attacker's review F3: a controller's STAFF token read and cancelled the whole request queue).
 */
final class ApiAccess {

    static final String[] PEOPLE = Role.peopleNames();
    static final String[] WRITERS = Role.writerNames();
    private static final String CONTROLLER = Role.CONTROLLER.name();

    private ApiAccess() {}

    /**
     * Public reads first (a discovery document that callers verifying callbacks fetch), then the controllers' paths
     * (people read them, writers and controllers' systems write), then the rest: people read, writers write.
     */
    static void authorize(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry a,
            WebEdges edges,
            String[] api) {
        var publicReads = edges.publicApiReads();
        if (publicReads.length > 0) {
            a.requestMatchers(HttpMethod.GET, publicReads).permitAll();
        }
        var controllers = edges.controllerApi();
        if (controllers.length > 0) {
            a.requestMatchers(HttpMethod.GET, controllers)
                    .hasAnyRole(plus(PEOPLE, CONTROLLER))
                    .requestMatchers(HttpMethod.HEAD, controllers)
                    .hasAnyRole(plus(PEOPLE, CONTROLLER))
                    .requestMatchers(controllers)
                    .hasAnyRole(plus(WRITERS, CONTROLLER));
        }
        a.requestMatchers(HttpMethod.GET, api)
                .hasAnyRole(PEOPLE)
                .requestMatchers(HttpMethod.HEAD, "/api/**")
                .hasAnyRole(PEOPLE)
                .anyRequest()
                .hasAnyRole(WRITERS);
    }

    private static String[] plus(String[] roles, String role) {
        return Stream.concat(Stream.of(roles), Stream.of(role)).toArray(String[]::new);
    }
}
