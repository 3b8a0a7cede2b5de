package ca.gardien.opencompliance;

import static ca.gardien.opencompliance.SubmittedRequest.validation;

import ca.gardien.opencompliance.OpenComplianceException.Detail;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Reads {@code status_callback_urls}: at most five absolute URLs with a host, in an allowed scheme. */
final class CallbackUrls {

    static final int MAX = 5;

    private CallbackUrls() {}

    static List<URI> read(JsonNode root, List<String> schemes, List<Detail> errors) {
        var node = root.path("status_callback_urls");
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > MAX) {
            errors.add(validation("InvalidField", "status_callback_urls must be an array of at most 5 URLs."));
            return List.of();
        }
        var urls = new ArrayList<URI>();
        for (var item : node) {
            var uri = url(item.isString() ? item.asString() : null, schemes);
            if (uri == null) {
                errors.add(validation("InvalidCallbackUrl", "status_callback_urls holds an unusable URL."));
            } else {
                urls.add(uri);
            }
        }
        return List.copyOf(urls);
    }

    private static URI url(String text, List<String> schemes) {
        if (text == null || text.length() > 2000) {
            return null;
        }
        try {
            var uri = new URI(text);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return uri.isAbsolute() && uri.getHost() != null && schemes.contains(scheme) ? uri : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
