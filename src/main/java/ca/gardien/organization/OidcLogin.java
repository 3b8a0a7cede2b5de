package ca.gardien.organization;

import ca.gardien.shared.SecretFiles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;

/**
 * Single sign-on through OpenID Connect, when a client registration is configured (docs/single-sign-on.md): the
 * authorization request kept in a sealed cookie of its own (the session cookie stays {@code SameSite=Strict}), PKCE
 * and a nonce on every request, accounts linked by issuer and subject, roles from the configured claim, each outcome
 * on the record, and the logout carried to the provider's {@code end_session_endpoint} when it has one.
 */
@Component
class OidcLogin {

    static final String AUTHORIZATION_PATH = "/oauth2/authorization";

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final OrganizationProperties properties;
    private final OidcAccounts accounts;
    private final SignInFacts facts;
    private final MessageSource messages;
    private final Clock clock;

    OidcLogin(
            ObjectProvider<ClientRegistrationRepository> registrations,
            OrganizationProperties properties,
            OidcAccounts accounts,
            SignInFacts facts,
            MessageSource messages,
            Clock clock) {
        this.registrations = registrations;
        this.properties = properties;
        this.accounts = accounts;
        this.facts = facts;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Gives the web chain its authentication manager: {@code passwords} alone, or with single sign-on the provider that
     * redeems the code and checks the ID token first, then {@code passwords}. (Setting {@code passwords} alone, as
     * before, left the OpenID Connect login with no provider: {@code ProviderNotFoundException}.)
     */
    void configure(HttpSecurity http, AuthenticationManager passwords) throws Exception {
        var repository = registrations.getIfAvailable();
        if (repository == null) {
            http.authenticationManager(passwords);
            return;
        }
        var settings = properties.oidc();
        var signIn = new OidcSignIn(settings, accounts);
        var provider = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), signIn);
        http.authenticationManager(new ProviderManager(List.of(provider), passwords));
        var requests = new SealedAuthorizationRequests(
                SecretFiles.readOrCreate(settings.keyDirectory(), SealedAuthorizationRequests.KEY_FILE, 32),
                settings.signInWithin(),
                clock);
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(repository, AUTHORIZATION_PATH);
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        http.oauth2Login(o -> o.loginPage("/login")
                .authorizationEndpoint(a -> a.baseUri(AUTHORIZATION_PATH)
                        .authorizationRequestResolver(resolver)
                        .authorizationRequestRepository(requests))
                .authorizedClientRepository(new NoAuthorizedClients())
                .userInfoEndpoint(u -> u.oidcUserService(signIn))
                .successHandler(this::succeeded)
                .failureHandler(new SsoFailures(repository, facts)));
        http.logout(l -> l.logoutSuccessHandler(new ProviderLogout(repository, messages)));
    }

    private void succeeded(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws java.io.IOException {
        if (authentication instanceof OAuth2AuthenticationToken token
                && token.getPrincipal() instanceof AccountOidcUser user) {
            facts.ssoSucceeded(user, token.getAuthorizedClientRegistrationId());
        }
        OnwardPage.write(response, request.getContextPath() + "/console", messages, "login.sso.signed-in");
    }

    /**
     * Gardien calls no API on the person's behalf: it keeps neither the provider's access token nor its refresh token
     * (Spring would keep them in memory per person). Only the ID token stays, in the session, for the logout.
     */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(
                String registrationId, Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(
                OAuth2AuthorizedClient client,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}

        @Override
        public void removeAuthorizedClient(
                String registrationId,
                Authentication principal,
                HttpServletRequest request,
                HttpServletResponse response) {}
    }
}
