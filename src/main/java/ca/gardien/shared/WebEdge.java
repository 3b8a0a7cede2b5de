package ca.gardien.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The access rules of the paths one module owns, declared as a bean by that module and collected by the security
 * configuration, which lists no other module's path. Paths are Spring path patterns; a module contributes only what
 * differs from the defaults: a page needs a signed-in account and a CSRF token, an API path a bearer token.
 *
 * @param publicPages pages and forms anyone may reach without signing in
 * @param csrfExempt public paths posted without a session, hence without a CSRF token (a signed link, an HMAC body)
 * @param signedIn pages for any signed-in person (an account holding a person's role: not an OpenCompliance
 *     controller's system, which opens no page)
 * @param anyAccount pages for any signed-in account, a controller's system included (its password page)
 * @param roles pages for the accounts holding one role, by role name (e.g. {@code PRIVACY_OFFICER})
 * @param tokenApi paths outside {@code /api/**} served like the API: bearer tokens, no session, no CSRF
 * @param controllerApi token API paths that the tokens of an OpenCompliance controller's system ({@code CONTROLLER})
 *     reach, besides their own tokens: the only ones
 * @param publicApiReads API paths read ({@code GET}) without a token
 * @param landing the page a sign-in lands on, if this module provides it (exactly one module does)
 */
public record WebEdge(
        List<String> publicPages,
        List<String> csrfExempt,
        List<String> signedIn,
        List<String> anyAccount,
        Map<String, List<String>> roles,
        List<String> tokenApi,
        List<String> controllerApi,
        List<String> publicApiReads,
        Optional<String> landing) {

    public WebEdge {
        Stream.of(publicPages, csrfExempt, signedIn, anyAccount, tokenApi, controllerApi, publicApiReads)
                .flatMap(List::stream)
                .forEach(WebEdge::checkPattern);
        roles.values().stream().flatMap(List::stream).forEach(WebEdge::checkPattern);
        landing.ifPresent(WebEdge::checkPattern);
        publicPages = List.copyOf(publicPages);
        csrfExempt = List.copyOf(csrfExempt);
        signedIn = List.copyOf(signedIn);
        anyAccount = List.copyOf(anyAccount);
        roles = Map.copyOf(roles);
        tokenApi = List.copyOf(tokenApi);
        controllerApi = List.copyOf(controllerApi);
        publicApiReads = List.copyOf(publicApiReads);
    }

    /** A module edge that opens nothing; add to it with the {@code with…} methods. */
    public static WebEdge none() {
        return new Parts().edge();
    }

    public WebEdge withPublicPages(String... patterns) {
        return edit(p -> p.publicPages = plus(p.publicPages, patterns));
    }

    public WebEdge withCsrfExempt(String... patterns) {
        return edit(p -> p.csrfExempt = plus(p.csrfExempt, patterns));
    }

    public WebEdge withSignedIn(String... patterns) {
        return edit(p -> p.signedIn = plus(p.signedIn, patterns));
    }

    /** Pages for any signed-in account, an OpenCompliance controller's system included. */
    public WebEdge withAnyAccount(String... patterns) {
        return edit(p -> p.anyAccount = plus(p.anyAccount, patterns));
    }

    public WebEdge withRole(String role, String... patterns) {
        return edit(p -> {
            var byRole = new LinkedHashMap<>(p.roles);
            byRole.put(role, plus(p.roles.getOrDefault(role, List.of()), patterns));
            p.roles = byRole;
        });
    }

    public WebEdge withTokenApi(String... patterns) {
        return edit(p -> p.tokenApi = plus(p.tokenApi, patterns));
    }

    /** Token API paths (already {@link #withTokenApi}) that an OpenCompliance controller's system reaches. */
    public WebEdge withControllerApi(String... patterns) {
        return edit(p -> p.controllerApi = plus(p.controllerApi, patterns));
    }

    public WebEdge withPublicApiReads(String... patterns) {
        return edit(p -> p.publicApiReads = plus(p.publicApiReads, patterns));
    }

    public WebEdge withLanding(String page) {
        return edit(p -> p.landing = Optional.of(page));
    }

    /** This edge with one part changed: the one place that copies every part. */
    private WebEdge edit(Consumer<Parts> change) {
        var parts = new Parts();
        parts.publicPages = publicPages;
        parts.csrfExempt = csrfExempt;
        parts.signedIn = signedIn;
        parts.anyAccount = anyAccount;
        parts.roles = roles;
        parts.tokenApi = tokenApi;
        parts.controllerApi = controllerApi;
        parts.publicApiReads = publicApiReads;
        parts.landing = landing;
        change.accept(parts);
        return parts.edge();
    }

    /** The parts of an edge being changed by {@link #edit}. */
    private static final class Parts {
        List<String> publicPages = List.of();
        List<String> csrfExempt = List.of();
        List<String> signedIn = List.of();
        List<String> anyAccount = List.of();
        Map<String, List<String>> roles = Map.of();
        List<String> tokenApi = List.of();
        List<String> controllerApi = List.of();
        List<String> publicApiReads = List.of();
        Optional<String> landing = Optional.empty();

        WebEdge edge() {
            return new WebEdge(
                    publicPages,
                    csrfExempt,
                    signedIn,
                    anyAccount,
                    roles,
                    tokenApi,
                    controllerApi,
                    publicApiReads,
                    landing);
        }
    }

    private static List<String> plus(List<String> list, String... patterns) {
        var all = new ArrayList<>(list);
        all.addAll(List.of(patterns));
        return all;
    }

    private static void checkPattern(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("a web edge path must start with '/'");
        }
    }
}
