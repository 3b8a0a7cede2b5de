package ca.gardien.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 400, in the error contract, a request whose query string or form or multipart body the container cannot
 * parse (a bad {@code %} escape, a multipart stream cut short or without its boundary). Parsed here, right after the
 * body caps, rather than wherever a parameter is first asked for: there the container's exception surfaced as a 500
 * with a stack trace in the log, before any handler or abuse limit ran. A body over a multipart size limit is left to
 * the existing 413 answer.
 */
class ReadableRequests extends OncePerRequestFilter {

    private final MessageSource messages;

    ReadableRequests(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap(); // the query string, and a form body
            if (multipart(request)) {
                request.getParts();
            }
        } catch (IllegalStateException | IllegalArgumentException | IOException | ServletException e) {
            if (!tooLarge(e)) {
                ErrorContract.refuse(request, response, HttpServletResponse.SC_BAD_REQUEST, null, messages);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean multipart(HttpServletRequest request) {
        var type = request.getContentType();
        return type != null
                && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0, "multipart/".length());
    }

    /** The container's size limits (file, request, part count) have their own 413 answer further on. */
    private static boolean tooLarge(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            var name = cause.getClass().getSimpleName();
            if (name.contains("SizeLimit") || name.contains("SizeException") || name.contains("CountLimit")) {
                return true;
            }
        }
        return false;
    }
}
