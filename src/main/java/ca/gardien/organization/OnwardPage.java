package ca.gardien.organization;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * A page that moves the browser on by itself (meta refresh, and a link for the rest), in French and English: a
 * navigation that Gardien's own page starts, where a redirect would not do. After a provider's redirect back, the
 * browser counts the whole redirect chain as started by the provider's site and does not send the session cookie
 * ({@code SameSite=Strict}); from this page, the next request is same-site and carries it. After the logout form's
 * post, {@code form-action 'self'} forbids a redirect to the provider; a navigation from this page is allowed.
 */
final class OnwardPage {

    private OnwardPage() {}

    static void write(HttpServletResponse response, String target, MessageSource messages, String messageKey)
            throws IOException {
        var url = HtmlUtils.htmlEscape(target);
        var french = HtmlUtils.htmlEscape(messages.getMessage(messageKey, null, Locale.CANADA_FRENCH));
        var english = HtmlUtils.htmlEscape(messages.getMessage(messageKey, null, Locale.CANADA));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        var page = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"refresh\" content=\"0;url=" + url + "\"><title>Gardien</title></head>"
                + "<body><main><p><a id=\"onward\" href=\"" + url + "\">" + french + "</a></p>"
                + "<p lang=\"en\"><a href=\"" + url + "\">" + english + "</a></p></main></body></html>";
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }
}
