package ca.gardien.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.util.WebUtils;

/**
 * Reads the query string and any form or multipart body right after the body caps, ahead of Spring Security (whose
 * CSRF check reads a form field) and of every handler, and refuses in the error contract a request the container or
 * Spring MVC cannot read: 400 for a bad {@code %} escape, a multipart stream cut short or without its boundary, a
 * part's file name with a NUL or a malformed RFC 5987 {@code filename*}, a NUL in a parameter, a part's headers over Tomcat's
 * {@code max-part-header-size} (said as a file name too long); 413 for a file over the multipart limits
 * or more parts than they allow (said as too many fields). Read anywhere later, these surfaced as 500s with a stack trace. A multipart body is resolved here by the
 * application's {@link MultipartResolver}, once: Spring MVC finds it resolved and parses nothing again.
 */
class ReadableRequests extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ReadableRequests.class);

    private final MultipartResolver multipart;
    private final long partHeaderMax;
    private final MessageSource messages;
    private final List<SpecifiedErrors> specified;

    /** {@code partHeaderMax}: Tomcat's cap on one part's header section, in bytes (-1 when unknown). */
    ReadableRequests(
            MultipartResolver multipart, long partHeaderMax, MessageSource messages, List<SpecifiedErrors> specified) {
        this.multipart = multipart;
        this.partHeaderMax = partHeaderMax;
        this.messages = messages;
        this.specified = List.copyOf(specified);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MultipartHttpServletRequest parsed = null;
        try {
            if (multipart.isMultipart(request)
                    && WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) == null) {
                parsed = multipart.resolveMultipart(request);
            }
            if (holdsNul((parsed == null ? request : parsed).getParameterMap())) { // the query string, a form body
                log.info("Refused a request with a NUL in a parameter");
                ErrorContract.refuse(request, response, EdgeRefusal.because("nul", null), messages, specified);
                return;
            }
        } catch (MultipartException | InvalidFileNameException | IllegalStateException | IllegalArgumentException e) {
            var refusal = refusal(e);
            // the kind of failure only: the exception's message may carry a file name
            log.warn("Refused a request body that cannot be read ({}, {})", refusal.status(), cause(e));
            ErrorContract.refuse(request, response, refusal, messages, specified);
            return;
        }
        try {
            chain.doFilter(parsed == null ? request : parsed, response);
        } finally {
            if (parsed != null) {
                multipart.cleanupMultipart(parsed);
            }
        }
    }

    /**
     * Whether a parameter's name or value holds a NUL ({@code %00}): no value Gardien takes has one, and Spring's
     * conversions trimmed it away unsaid ({@code String.trim()}: an id, a yes-or-no, a list's items, a console form's
     * optional field), when the database did not refuse it (PostgreSQL stores no NUL in a text).
     */
    private static boolean holdsNul(java.util.Map<String, String[]> parameters) {
        for (var entry : parameters.entrySet()) {
            if (entry.getKey().indexOf('\0') >= 0) {
                return true;
            }
            for (var value : entry.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Over a multipart limit: 413 naming it; a part's header section too long: 400 saying so; else 400. */
    private EdgeRefusal refusal(Throwable e) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SizeLimitExceededException header && header.getPermittedSize() == partHeaderMax) {
                return EdgeRefusal.because("part-header", partHeaderMax);
            }
            if (cause instanceof SizeException size) {
                return BodyLimits.tooLarge(size.getPermittedSize());
            }
            if (cause instanceof FileCountLimitExceededException count) {
                // too many parts, however small: said as such, not as a body too large (attacker's probe)
                return new EdgeRefusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, count.getLimit(), "parts");
            }
        }
        return e instanceof MultipartException || e instanceof InvalidFileNameException
                ? EdgeRefusal.because("multipart", null)
                : EdgeRefusal.of(HttpServletResponse.SC_BAD_REQUEST);
    }

    private static String cause(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
