package ca.gardien.organization;

import ca.gardien.shared.WebEdge;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The web edges the modules contribute, merged for the security configuration. At most one module names the page a
 * sign-in lands on; without one (a module test that starts no console) a sign-in lands on the home page.
 */
record WebEdges(List<WebEdge> edges) {

    WebEdges {
        edges = List.copyOf(edges);
    }

    String[] publicPages(String... own) {
        return Stream.concat(Stream.of(own), all(WebEdge::publicPages)).toArray(String[]::new);
    }

    String[] csrfExempt() {
        return all(WebEdge::csrfExempt).toArray(String[]::new);
    }

    String[] signedIn() {
        return all(WebEdge::signedIn).toArray(String[]::new);
    }

    String[] anyAccount() {
        return all(WebEdge::anyAccount).toArray(String[]::new);
    }

    /** Role name to the pages restricted to it, in a stable order. */
    Map<String, String[]> roles() {
        var byRole = new TreeMap<String, String[]>();
        edges.stream()
                .flatMap(e -> e.roles().keySet().stream())
                .distinct()
                .forEach(role -> byRole.put(
                        role,
                        edges.stream()
                                .flatMap(e -> e.roles().getOrDefault(role, List.of()).stream())
                                .toArray(String[]::new)));
        return byRole;
    }

    /** The API paths: {@code /api/**} and the token-authenticated paths modules serve outside it. */
    String[] api(String apiRoot) {
        return Stream.concat(Stream.of(apiRoot), all(WebEdge::tokenApi)).toArray(String[]::new);
    }

    /** The token API paths an OpenCompliance controller's system reaches. */
    String[] controllerApi() {
        return all(WebEdge::controllerApi).toArray(String[]::new);
    }

    String[] publicApiReads() {
        return all(WebEdge::publicApiReads).toArray(String[]::new);
    }

    String landing() {
        var landings = edges.stream().flatMap(e -> e.landing().stream()).toList();
        if (landings.size() > 1) {
            throw new IllegalStateException(
                    "at most one module may provide the page a sign-in lands on, found " + landings.size());
        }
        return landings.isEmpty() ? "/" : landings.getFirst();
    }

    private Stream<String> all(Function<WebEdge, List<String>> part) {
        return edges.stream().flatMap(e -> part.apply(e).stream());
    }
}
