package ca.gardien.opencompliance;

import static ca.gardien.opencompliance.SubmittedRequest.validation;

import ca.gardien.opencompliance.OpenComplianceException.Detail;
import ca.gardien.shared.OutboundAddresses;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code status_callback_urls}: at most five absolute URLs with a host, in an allowed scheme, whose host is a
 * public address (or one the operator allows) once resolved; the delivery checks the address again.
 */
final class CallbackUrls {

    static final int MAX = 5;

    private CallbackUrls() {}

    static List<URI> read(JsonNode root, List<String> schemes, OutboundAddresses addresses, List<Detail> errors) {
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
            var refusal = uri == null ? null : addresses.refusal(uri).orElse(null);
            if (uri == null) {
                errors.add(validation("InvalidCallbackUrl", "status_callback_urls holds an unusable URL."));
            } else if (refusal != null) {
                errors.add(validation("RefusedCallbackAddress", refused(refusal)));
            } else {
                urls.add(uri);
            }
        }
        return List.copyOf(urls);
    }

    private static String refused(OutboundAddresses.Reason reason) {
        return switch (reason) {
            case NOT_PUBLIC ->
                "status_callback_urls names a host that is, or resolves to, a loopback, private, link-local, shared,"
                        + " multicast or reserved address; callbacks go to public addresses only.";
            case AMBIGUOUS_HOST ->
                "status_callback_urls names a host that is a number other than a dotted quad, or not ASCII.";
            case UNRESOLVED -> "status_callback_urls names a host that does not resolve.";
        };
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
