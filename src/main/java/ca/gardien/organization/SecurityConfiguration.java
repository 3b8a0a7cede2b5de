package ca.gardien.organization;

import ca.gardien.shared.WebEdge;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Three chains: the token endpoint (HTTP Basic or bearer), the rest of the API (bearer tokens
 * only, stateless, problem-details errors) and the web pages (form login or OpenID Connect, sessions, CSRF). Pages, API
 * and metrics admit people's roles by allow-list ({@link ApiAccess}); an OpenCompliance controller's system reaches its
 * own tokens, the OpenCompliance request routes and its password page, nothing else.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties(OrganizationProperties.class)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI sets inline styles; it gets no inline script either. */
    static final String DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    /**
     * No observation around each security filter, authentication and authorization: they fed metrics and traces that
     * nothing reads, and allocated more per API call than the consent decision itself (bench/consent/README.md).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    AuthenticationManager authenticationManager(
            AccountDetails accounts,
            Passwords passwords,
            org.springframework.security.authentication.AuthenticationEventPublisher events,
            LoginAttempts attempts) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords.encoder());
        var manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return attempts.claiming(manager);
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoint(
            HttpSecurity http,
            TokenIntrospector introspector,
            AuthenticationManager manager,
            AddressThrottle throttle,
            ProblemResponses problems)
            throws Exception {
        // Any role, auditors and controllers' systems included, may manage its own tokens (a controller's system gets
        // its token here, with HTTP Basic); the controller checks whose token it is.
        http.securityMatcher("/api/v1/tokens", "/api/v1/tokens/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        api(http, introspector, problems, "Basic realm=\"gardien\", Bearer");
        http.authenticationManager(manager)
                .addFilterBefore(throttle.filter(problems), BasicAuthenticationFilter.class)
                .httpBasic(
                        b -> b.authenticationEntryPoint(problems.unauthenticated("Basic realm=\"gardien\", Bearer")));
        return http.build();
    }

    @Bean
    WebEdges webEdges(List<WebEdge> edges) {
        return new WebEdges(edges);
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(
            HttpSecurity http, TokenIntrospector introspector, ProblemResponses problems, WebEdges edges)
            throws Exception {
        // Modules serving an API outside /api (OpenCompliance) authenticate with the same bearer tokens; some of their
        // reads are public (e.g. a discovery document that callers verifying callbacks fetch).
        var api = edges.api("/api/**");
        http.securityMatcher(api).authorizeHttpRequests(a -> ApiAccess.authorize(a, edges, api));
        api(http, introspector, problems, "Bearer");
        return http.build();
    }

    private static void api(
            HttpSecurity http, TokenIntrospector introspector, ProblemResponses problems, String challenge)
            throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                // The token chain sets an explicit (password) AuthenticationManager for HTTP Basic, which would
                // otherwise replace the opaque-token provider: bearer tokens get a manager of their own.
                .oauth2ResourceServer(o -> o.opaqueToken(t -> t.introspector(introspector)
                                .authenticationManager(
                                        new ProviderManager(new OpaqueTokenAuthenticationProvider(introspector))))
                        .authenticationEntryPoint(problems.unauthenticated(challenge))
                        .accessDeniedHandler(problems.forbidden()))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthenticated(challenge))
                        .accessDeniedHandler(problems.forbidden()))
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
    }

    /**
     * Metrics reveal activity volumes: a scraper authenticates with an API token of a person's role (AUDITOR suffices),
     * never a controller's.
     */
    @Bean
    @Order(2)
    SecurityFilterChain metrics(HttpSecurity http, TokenIntrospector introspector, ProblemResponses problems)
            throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyRole(ApiAccess.PEOPLE));
        api(http, introspector, problems, "Bearer");
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(
            HttpSecurity http,
            AuthenticationManager manager,
            AddressThrottle throttle,
            ProblemResponses problems,
            AccountSessions sessions,
            OidcLogin oidc,
            WebEdges edges,
            org.springframework.beans.factory.ObjectProvider<
                            org.springframework.security.web.authentication.logout.LogoutHandler>
                    atSignOut)
            throws Exception {
        http.addFilterBefore(throttle.filter(problems), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> {
                    // Sign-in, errors, static resources and RFC 8615 well-known metadata, then each module's own pages.
                    a.requestMatchers(edges.publicPages(
                                    "/login",
                                    "/error",
                                    "/css/**",
                                    "/js/**",
                                    "/webjars/**",
                                    "/favicon.ico",
                                    "/.well-known/**"))
                            .permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                            .permitAll()
                            .requestMatchers(
                                    "/v3/api-docs",
                                    "/v3/api-docs.yaml",
                                    "/v3/api-docs/**",
                                    "/swagger-ui/**",
                                    "/swagger-ui.html")
                            .permitAll();
                    edges.roles()
                            .forEach((role, pages) -> a.requestMatchers(pages).hasRole(role));
                    // a controller's system signs in only to choose its password; every other page is for people
                    if (edges.anyAccount().length > 0) {
                        a.requestMatchers(edges.anyAccount()).authenticated();
                    }
                    if (edges.signedIn().length > 0) {
                        a.requestMatchers(edges.signedIn()).hasAnyRole(ApiAccess.PEOPLE);
                    }
                    a.anyRequest().denyAll();
                })
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(new Landing(edges.landing()))
                        .failureHandler(new FormLoginFailures())
                        .permitAll())
                // each module's handlers first (the console keeps its language for the sign-in page), then Spring's
                .logout(l -> {
                    atSignOut.orderedStream().forEach(l::addLogoutHandler);
                    l.logoutSuccessUrl("/login?logout");
                })
                .exceptionHandling(e -> e.accessDeniedHandler(problems.pages()))
                // Each module names the public paths posted without a session (signed links, codes, HMAC-signed
                // callbacks): they act only on what the link, the code or the signature designates.
                .csrf(c -> c.ignoringRequestMatchers(Stream.of(edges.csrfExempt())
                        .map(PathPatternRequestMatcher.withDefaults()::matcher)
                        .toArray(RequestMatcher[]::new)))
                .headers(h -> h.addHeaderWriter(csp(new NegatedRequestMatcher(docs()), CSP))
                        .addHeaderWriter(csp(docs(), DOCS_CSP))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")))
                .addFilterBefore(sessions.filter(), AuthorizationFilter.class)
                .addFilterAfter(new PasswordChangeGate(), AuthorizationFilter.class);
        oidc.configure(http, manager); // the chain's authentication manager, with single sign-on when configured
        return http.build();
    }

    private static RequestMatcher docs() {
        var paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(paths.matcher("/swagger-ui/**"), paths.matcher("/swagger-ui.html"));
    }

    private static HeaderWriter csp(RequestMatcher matcher, String policy) {
        return new DelegatingRequestMatcherHeaderWriter(
                matcher, new StaticHeadersWriter("Content-Security-Policy", policy));
    }
}
