package ca.gardien.shared;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who gets a problem and what it says, for errors raised outside any controller (the container, the filters): the
 * API's paths always get RFC 9457 problem details, other paths get them when the client asks for JSON rather than HTML,
 * and the error page otherwise. Never the submitted values, never a stack trace.
 */
final class ErrorContract {

    private static final List<String> API_PATHS = List.of("/api/", "/opencompliance/", "/opengdpr/", "/actuator/");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Une erreur est survenue — Gardien</title><link rel="stylesheet" href="/css/gardien.css"></head>
            <body><main class="narrow"><h1>Une erreur est survenue</h1><p lang="en">Something went wrong</p><p>%d</p>%s
            <p><a href="/">Retour à l'accueil</a> · <a href="/?lang=en" lang="en">Back to the home page</a></p></main>
            </body></html>
            """;

    private ErrorContract() {}

    static boolean wantsProblem(String path, String accept) {
        if (path != null && API_PATHS.stream().anyMatch(path::startsWith)) {
            return true;
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            var types = MediaType.parseMediaTypes(accept);
            boolean json = types.stream()
                    .anyMatch(t -> !t.isWildcardSubtype() && (t.getSubtype().endsWith("json")));
            boolean html = types.stream().anyMatch(t -> MediaType.TEXT_HTML.equalsTypeAndSubtype(t));
            return json && !html;
        } catch (RuntimeException e) {
            return false;
        }
    }

    static byte[] problem(int status, String instance, Long limit) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type(status).toString());
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail(status, limit));
        if (instance != null) {
            body.put("instance", instance);
        }
        if (limit != null) {
            body.put("limit", limit);
        }
        return JSON.writeValueAsBytes(body);
    }

    /**
     * The error page where Thymeleaf cannot be reached (Tomcat's refusals, the body caps): the look of the Gardien
     * page, in French with English alongside, as the language the person chose is not known there.
     */
    static byte[] page(int status, Long limit) {
        var tooLarge = limit == null
                ? ""
                : "<p>Le contenu envoyé dépasse la limite de %1$s.</p><p lang=\"en\">The content sent is larger than the limit of %1$s.</p>"
                        .formatted(BodyLimits.describe(limit));
        return PAGE.formatted(status, tooLarge).getBytes(StandardCharsets.UTF_8);
    }

    static URI type(int status) {
        return switch (status) {
            case 400 -> ProblemTypes.MALFORMED_REQUEST;
            case 401 -> ProblemTypes.UNAUTHENTICATED;
            case 403 -> ProblemTypes.FORBIDDEN;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 500 -> ProblemTypes.INTERNAL;
            default -> URI.create("https://gardien.ca/problems/http-" + status);
        };
    }

    private static String title(int status) {
        var known = HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String detail(int status, Long limit) {
        return switch (status) {
            case 400 -> "The request is malformed (its address, query, headers or body).";
            case 411 -> "A form or multipart body must declare its Content-Length.";
            case 413 ->
                "The request body is larger than the limit of "
                        + (limit == null ? "this endpoint" : BodyLimits.describe(limit))
                        + ".";
            case 404 -> "Nothing is found at this address.";
            case 431 -> "The request headers are too large.";
            case 500 -> "An unexpected error occurred.";
            default -> title(status) + ".";
        };
    }
}
