package ca.gardien.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the HTTP edge that every module shares.
 *
 * @param maxBody request-body caps
 * @param baseUrl the public address of Gardien (scheme, host, port and path if any; {@code GARDIEN_BASE_URL}): every
 *     absolute link Gardien gives out or mails starts with it, never with the Host or forwarded headers of a request
 */
@ConfigurationProperties("gardien.web")
public record WebProperties(
        @DefaultValue MaxBody maxBody,
        @DefaultValue("http://localhost:8080") String baseUrl) {

    public WebProperties {
        baseUrl = checked(baseUrl);
    }

    /** The absolute link to a path of Gardien ({@code /consent/unsubscribe/…}) at its configured public address. */
    public String link(String path) {
        return baseUrl + path;
    }

    private static String checked(String baseUrl) {
        var trimmed = baseUrl == null ? "" : baseUrl.strip().replaceAll("/+$", "");
        try {
            var uri = new URI(trimmed);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getRawQuery() == null
                    && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null) {
                return trimmed;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new IllegalArgumentException(
                "gardien.web.base-url (GARDIEN_BASE_URL) is an http or https address without query, e.g. https://privacy.example.com");
    }

    /**
     * @param standard the cap of every request body ({@code gardien.web.max-body.default}, 1 MB)
     * @param paths caps by path pattern ({@code gardien.web.max-body.paths[/api/v1/inventory/**]=2MB}); the most
     *     specific matching pattern wins, and a pattern here overrides the same pattern declared by a module
     */
    public record MaxBody(
            @Name("default") @DefaultValue("1MB") DataSize standard, Map<String, DataSize> paths) {

        public MaxBody {
            paths = paths == null ? Map.of() : Map.copyOf(paths);
        }
    }
}
