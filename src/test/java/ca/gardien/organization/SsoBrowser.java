package ca.gardien.organization;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A plain HTTP client that browses like a person with a browser: follows redirects one by one, keeps cookies by host
 * and path, follows pages that move on by themselves (meta refresh), signs in on the test provider's page with the
 * subject it was given, and records the way it went. It imitates Chromium for the session cookie ({@code
 * SameSite=Strict}): once a navigation's redirect chain has passed through another site (here: another host, so
 * {@code localhost} and {@code 127.0.0.1} differ, ports do not count), the rest of the chain is sent without it, even
 * after Gardien set a new one; a navigation that one of Gardien's pages starts sends it again.
 */
final class SsoBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern PROVIDER_SIGN_IN = Pattern.compile("<input[^>]+name=\"username\"");
    private static final Pattern REFRESH = Pattern.compile("http-equiv=\"refresh\" content=\"0;url=([^\"]+)\"");
    private static final String SESSION = "JSESSIONID";

    /** What the person types on the provider's sign-in page: their subject there. */
    private final String subject;

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    final List<String> visited = new ArrayList<>();
    final List<HttpResponse<String>> responses = new ArrayList<>();

    SsoBrowser(String subject) {
        this.subject = subject;
    }

    SsoBrowser() {
        this("nobody-in-particular");
    }

    /** GETs {@code url} without following a redirect. */
    HttpResponse<String> once(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** GETs {@code url} and follows the redirects and pages that move on. */
    HttpResponse<String> go(String url) throws IOException, InterruptedException {
        return navigate(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    /** POSTs a form with the CSRF token of {@code page}, and follows what comes. */
    HttpResponse<String> post(String url, String page, String form) throws IOException, InterruptedException {
        var matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        var body = "_csrf=" + matcher.group(1) + (form.isEmpty() ? "" : "&" + form);
        return navigate(form(URI.create(url), body));
    }

    /** The first response this browser got from a URL starting with {@code prefix}. */
    HttpResponse<String> responseFrom(String prefix) {
        return responses.stream()
                .filter(r -> r.uri().toString().startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no response from " + prefix + " in " + visited));
    }

    private static HttpRequest form(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** One navigation: a request, its redirect chain, then what the page it ends on does by itself. */
    private HttpResponse<String> navigate(HttpRequest request) throws IOException, InterruptedException {
        var response = chain(request);
        var refresh = REFRESH.matcher(response.body());
        if (response.statusCode() == 200 && refresh.find()) {
            var next = response.uri().resolve(HtmlUtils.htmlUnescape(refresh.group(1)));
            return navigate(HttpRequest.newBuilder(next).GET().build());
        }
        if (response.statusCode() == 200
                && response.uri().getPath().endsWith("/authorize")
                && PROVIDER_SIGN_IN.matcher(response.body()).find()) {
            return navigate(form(response.uri(), "username=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)));
        }
        return response;
    }

    private HttpResponse<String> chain(HttpRequest request) throws IOException, InterruptedException {
        var withheld = new ArrayList<Map.Entry<URI, HttpCookie>>();
        try {
            var response = send(request);
            boolean crossed = false;
            for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
                var from = response.uri();
                var next =
                        from.resolve(response.headers().firstValue("Location").orElseThrow());
                crossed |= !sameSite(from, next);
                if (crossed) {
                    withhold(withheld);
                }
                response = send(HttpRequest.newBuilder(next).GET().build());
            }
            return response;
        } finally {
            withheld.forEach(e -> cookies.getCookieStore().add(e.getKey(), e.getValue()));
        }
    }

    /** Takes the session cookies out of the jar until the chain ends (a later one set meanwhile wins afterwards). */
    private void withhold(List<Map.Entry<URI, HttpCookie>> withheld) {
        for (var uri : cookies.getCookieStore().getURIs()) {
            for (var cookie : cookies.getCookieStore().get(uri)) {
                if (SESSION.equals(cookie.getName())) {
                    withheld.add(Map.entry(uri, cookie));
                    cookies.getCookieStore().remove(uri, cookie);
                }
            }
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        visited.add(request.uri().toString());
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        responses.add(response);
        return response;
    }

    private static boolean sameSite(URI a, URI b) {
        return a.getScheme().equals(b.getScheme()) && a.getHost().equals(b.getHost());
    }
}
