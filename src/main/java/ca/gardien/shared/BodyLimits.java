package ca.gardien.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Caps the size of every request body before anything reads it: a declared {@code Content-Length} over the cap is
 * answered 413 at once; a body without one (chunked) is read into memory up to the cap and refused as soon as it
 * goes beyond; a chunked form or multipart body, which the container parses itself, must declare its length (411).
 * The cap is {@code gardien.web.max-body.default} unless a more specific path pattern sets another (a module's
 * {@link BodyLimit} or {@code gardien.web.max-body.paths}). The refusal is a problem (API) or the error page (HTML),
 * naming the limit, or the error shape of a specification on its paths ({@link SpecifiedErrors}).
 */
public class BodyLimits extends OncePerRequestFilter {

    private final long standard;
    private final List<Map.Entry<PathPattern, Long>> limits;
    private final MessageSource messages;
    private final List<SpecifiedErrors> specified;

    BodyLimits(
            WebProperties properties,
            List<BodyLimit> contributed,
            MessageSource messages,
            List<SpecifiedErrors> specified) {
        this.messages = messages;
        this.specified = List.copyOf(specified);
        this.standard = properties.maxBody().standard().toBytes();
        var parser = PathPatternParser.defaultInstance;
        var byPattern = new LinkedHashMap<PathPattern, Long>();
        contributed.forEach(
                l -> byPattern.put(parser.parse(l.pattern()), l.max().toBytes()));
        properties.maxBody().paths().forEach((p, max) -> byPattern.put(parser.parse(p), max.toBytes()));
        this.limits = byPattern.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(PathPattern.SPECIFICITY_COMPARATOR))
                .toList();
    }

    /** The cap of a path (without the context path). */
    long limitFor(String path) {
        var container = PathContainer.parsePath(path);
        return limits.stream()
                .filter(e -> e.getKey().matches(container))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(standard);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(
                request.getRequestURI().substring(request.getContextPath().length()));
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            ErrorContract.refuse(request, response, tooLarge(limit), messages, specified);
        } else if (declared >= 0 || !chunked(request)) {
            chain.doFilter(request, response);
        } else if (parsedByTheContainer(request)) {
            ErrorContract.refuse(
                    request,
                    response,
                    EdgeRefusal.over(HttpServletResponse.SC_LENGTH_REQUIRED, limit),
                    messages,
                    specified);
        } else {
            var body = BufferedBody.read(request, limit);
            if (body == null) {
                ErrorContract.refuse(request, response, tooLarge(limit), messages, specified);
            } else {
                chain.doFilter(body, response);
            }
        }
    }

    static EdgeRefusal tooLarge(Long limit) {
        return EdgeRefusal.over(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, limit);
    }

    private static boolean chunked(HttpServletRequest request) {
        var encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && !encoding.isBlank();
    }

    private static boolean parsedByTheContainer(HttpServletRequest request) {
        var type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            var media = MediaType.parseMediaType(type);
            return MediaType.APPLICATION_FORM_URLENCODED.includes(media) || "multipart".equals(media.getType());
        } catch (RuntimeException e) {
            return false;
        }
    }

    static String describe(long bytes) {
        var size = DataSize.ofBytes(bytes);
        if (bytes % (1024 * 1024) == 0) {
            return size.toMegabytes() + " MB";
        }
        return bytes % 1024 == 0 ? size.toKilobytes() + " KB" : bytes + " bytes";
    }
}
