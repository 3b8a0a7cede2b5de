package ca.gardien.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The error body of paths a module serves under a specification that fixes its own error shape (OpenCompliance's
 * {@code {"error":{…}}}), declared as a bean by that module. Every error Gardien raises outside the module's controller
 * on those paths — the edge's refusals (a body over its cap, an unreadable body, an address Tomcat or the firewall
 * refuses), the security chains' 401 and 403, the container's 404 and 405 — takes this shape, as
 * {@code application/json} with the message in English, rather than RFC 9457 problem details; every other path keeps
 * the problem. Prefixes are matched case by case, as Spring MVC routes; {@link #covering} alone decides by path.
 *
 * @param prefixes path prefixes, e.g. {@code /opencompliance/}
 * @param body the body of a refusal, from its status and its message
 */
public record SpecifiedErrors(List<String> prefixes, Body body) {

    /** Writes a refusal in the specification's shape. */
    @FunctionalInterface
    public interface Body {
        byte[] of(int status, String message);
    }

    public SpecifiedErrors {
        if (prefixes == null
                || prefixes.isEmpty()
                || prefixes.stream().anyMatch(p -> p == null || !p.startsWith("/"))
                || body == null) {
            throw new IllegalArgumentException("specified errors need path prefixes and a body");
        }
        prefixes = List.copyOf(prefixes);
    }

    /**
     * The shape fixed for a path (without the context path), if a module declared one: the one place that chooses the
     * shape of an error by its path.
     */
    public static Optional<SpecifiedErrors> covering(List<SpecifiedErrors> specified, String path) {
        return specified.stream().filter(s -> s.covers(path)).findFirst();
    }

    /** Whether a path (decoded, without the context path) is one of these. */
    boolean covers(String path) {
        return path != null && prefixes.stream().anyMatch(path::startsWith);
    }

    /**
     * Answers a refusal in this shape: its status, {@code application/json}, not to be stored, the message in English;
     * headers set before (a challenge, {@code Allow}, {@code Retry-After}) are kept.
     */
    public void write(HttpServletResponse response, int status, String message) throws IOException {
        var bytes = body.of(status, message);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
