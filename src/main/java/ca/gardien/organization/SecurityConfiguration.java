package ca.gardien.organization;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
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
 * only, stateless, problem-details errors) and the web pages (form login or OpenID Connect, sessions, CSRF).
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

    private static final String[] WRITERS = {"PRIVACY_OFFICER", "DELEGATE", "STAFF"};

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
            org.springframework.security.authentication.AuthenticationEventPublisher events) {
        var provider = new DaoAuthenticationProvider(accounts);
        provider.setPasswordEncoder(passwords.encoder());
        var manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(events);
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain tokenEndpoint(
            HttpSecurity http, TokenIntrospector introspector, AuthenticationManager manager, AddressThrottle throttle)
            throws Exception {
        // Any role, auditors included, may manage its own tokens; the controller checks whose token it is.
        http.securityMatcher("/api/v1/tokens", "/api/v1/tokens/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        api(http, introspector, "Basic realm=\"gardien\", Bearer");
        http.authenticationManager(manager)
                .addFilterBefore(throttle.filter(), BasicAuthenticationFilter.class)
                .httpBasic(b -> b.authenticationEntryPoint(
                        ProblemResponses.unauthenticated("Basic realm=\"gardien\", Bearer")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, TokenIntrospector introspector) throws Exception {
        // OpenCompliance (module opencompliance) authenticates controllers with the same bearer tokens; its discovery
        // document and certificate are public, as controllers verifying callbacks fetch them.
        http.securityMatcher("/api/**", "/opencompliance/**", "/opengdpr/**")
                .authorizeHttpRequests(a -> a.requestMatchers(
                                HttpMethod.GET,
                                "/opencompliance/v1/discovery",
                                "/opencompliance/v1/certificate.pem",
                                "/opengdpr/v1/discovery",
                                "/opengdpr/v1/certificate.pem")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**", "/opencompliance/**", "/opengdpr/**")
                        .authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .authenticated()
                        .anyRequest()
                        .hasAnyRole(WRITERS));
        api(http, introspector, "Bearer");
        return http.build();
    }

    private static void api(HttpSecurity http, TokenIntrospector introspector, String challenge) throws Exception {
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                // The token chain sets an explicit (password) AuthenticationManager for HTTP Basic, which would
                // otherwise replace the opaque-token provider: bearer tokens get a manager of their own.
                .oauth2ResourceServer(o -> o.opaqueToken(t -> t.introspector(introspector)
                                .authenticationManager(
                                        new ProviderManager(new OpaqueTokenAuthenticationProvider(introspector))))
                        .authenticationEntryPoint(ProblemResponses.unauthenticated(challenge))
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .exceptionHandling(e -> e.authenticationEntryPoint(ProblemResponses.unauthenticated(challenge))
                        .accessDeniedHandler(ProblemResponses.forbidden()))
                .headers(h -> h.contentSecurityPolicy(
                                c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER)));
    }

    /** Metrics reveal activity volumes: a scraper authenticates with an API token of any role (AUDITOR suffices). */
    @Bean
    @Order(2)
    SecurityFilterChain metrics(HttpSecurity http, TokenIntrospector introspector) throws Exception {
        http.securityMatcher("/actuator/prometheus")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated());
        api(http, introspector, "Bearer");
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain web(
            HttpSecurity http,
            AuthenticationManager manager,
            AddressThrottle throttle,
            AccountSessions sessions,
            OidcLogin oidc)
            throws Exception {
        http.addFilterBefore(throttle.filter(), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.requestMatchers(
                                "/",
                                "/privacy",
                                "/privacy/**",
                                "/login",
                                "/error",
                                "/locale",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/.well-known/**",
                                "/consent/**",
                                "/requests/download/*",
                                "/requests/*/verify",
                                "/requests/*/code",
                                "/connectors/callbacks/**")
                        .permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/console/accounts/**", "/console/organization/**")
                        .hasRole("PRIVACY_OFFICER")
                        .requestMatchers("/console/**")
                        .authenticated()
                        .anyRequest()
                        .denyAll())
                .formLogin(f -> f.loginPage("/login")
                        .defaultSuccessUrl("/console", true)
                        .permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                // Public consent endpoints are posted by mail clients (RFC 8058) and by the banner on other sites:
                // no session, hence no CSRF token; they act only on what a signed link or a visitor id designates.
                // The person's code check and download act only on what a code or an unguessable token designates;
                // connector callbacks come from services, authenticated by the HMAC signature of their body.
                .csrf(c -> c.ignoringRequestMatchers(
                        PathPatternRequestMatcher.withDefaults().matcher("/consent/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/requests/*/verify"),
                        PathPatternRequestMatcher.withDefaults().matcher("/requests/*/code"),
                        PathPatternRequestMatcher.withDefaults().matcher("/connectors/callbacks/**")))
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
