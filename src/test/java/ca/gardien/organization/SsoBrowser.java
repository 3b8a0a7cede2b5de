package ca.gardien.organization;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain HTTP client that follows redirects one by one, keeping cookies by host and path like a browser, and records
 * the way it went. It knows nothing of SameSite: {@link #goCrossSite} drops the session cookie where a browser coming
 * from another site would not send it (a {@code SameSite=Strict} cookie on the provider's redirect back).
 */
final class SsoBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    final List<String> visited = new ArrayList<>();
    final List<HttpResponse<String>> responses = new ArrayList<>();

    /** GETs {@code url} and follows the redirects. */
    HttpResponse<String> go(String url) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET().build()), false);
    }

    /** GETs {@code url} without following a redirect. */
    HttpResponse<String> once(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** Like {@link #go}, without the session cookie on requests coming back from another host than Gardien's. */
    HttpResponse<String> goCrossSite(String url) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET().build()), true);
    }

    /** POSTs a form with the CSRF token of {@code page}, and follows the redirects. */
    HttpResponse<String> post(String url, String page, String form) throws IOException, InterruptedException {
        var matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        var body = "_csrf=" + matcher.group(1) + (form.isEmpty() ? "" : "&" + form);
        return follow(
                send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build()),
                false);
    }

    /** The first response this browser got from a URL starting with {@code prefix}. */
    HttpResponse<String> responseFrom(String prefix) {
        return responses.stream()
                .filter(r -> r.uri().toString().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no response from " + prefix + " in " + visited));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        visited.add(request.uri().toString());
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        responses.add(response);
        return response;
    }

    private HttpResponse<String> follow(HttpResponse<String> response, boolean crossSite)
            throws IOException, InterruptedException {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            var from = response.uri();
            var next = from.resolve(response.headers().firstValue("Location").orElseThrow());
            if (crossSite && !sameOrigin(from, next)) {
                cookies.getCookieStore().getCookies().stream()
                        .filter(c -> c.getName().equals("JSESSIONID"))
                        .toList()
                        .forEach(c -> cookies.getCookieStore().remove(null, c));
            }
            response = send(HttpRequest.newBuilder(next).GET().build());
        }
        return response;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getHost().equals(b.getHost()) && a.getPort() == b.getPort();
    }
}
