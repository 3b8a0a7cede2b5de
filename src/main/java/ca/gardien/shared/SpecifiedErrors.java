package ca.gardien.shared;

import java.util.List;

/**
 * The error body of paths a module serves under a specification that fixes its own error shape (OpenCompliance's
 * {@code {"error":{…}}}), declared as a bean by that module. The edge's refusals on those paths (a body over its cap,
 * an unreadable body) take this shape, as {@code application/json} with the message in English, rather than RFC 9457
 * problem details; every other path keeps the problem. Prefixes are matched case by case, as Spring MVC routes.
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

    /** Whether a path (decoded, without the context path) is one of these. */
    boolean covers(String path) {
        return path != null && prefixes.stream().anyMatch(path::startsWith);
    }
}
