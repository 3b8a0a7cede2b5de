package ca.gardien.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who gets a problem and what it says, for errors raised outside any controller (the container, the filters): the
 * API's paths always get RFC 9457 problem details, other paths get them when the client asks for JSON rather than HTML,
 * and the error page otherwise. Never the submitted values, never a stack trace.
 */
final class ErrorContract {

    private static final List<String> API_PATHS = List.of("/api/", "/opencompliance/", "/opengdpr/", "/actuator/");
    /**
     * Answers a filter's refusal at once: a problem (API, JSON clients) or the error page (HTML), naming the limit when
     * there is one. Written here rather than through the error page: rendering it would read request parameters, and
     * the container would then parse the very body that was refused.
     */
    static void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, Long limit, MessageSource messages)
            throws IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        boolean problem = wantsProblem(path, request.getHeader(HttpHeaders.ACCEPT));
        response.setStatus(status);
        response.setHeader(HttpHeaders.CONNECTION, "close");
        response.setContentType(
                problem ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE + ";charset=utf-8");
        response.getOutputStream()
                .write(
                        problem
                                ? problem(status, path, limit, messages, ApiLanguage.of(request))
                                : page(status, limit, messages));
    }

    /** The same paths as Spring MVC patterns. */
    static final List<String> API_PATTERNS =
            API_PATHS.stream().map(path -> path + "**").toList();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%1$s — Gardien</title><link rel="stylesheet" href="/css/gardien.css"></head>
            <body><main class="narrow"><h1>%1$s</h1><p lang="en">%2$s</p><p>%5$d</p>%6$s
            <p><a href="/">%3$s</a> · <a href="/?lang=en" lang="en">%4$s</a></p></main>
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

    /**
     * The problem in the caller's language ({@link ApiLanguage}); without the bundles (not handed over yet), the HTTP
     * reason phrase and no detail.
     */
    static byte[] problem(int status, String instance, Long limit, MessageSource messages, Locale language) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type(status).toString());
        body.put("title", messages == null ? reason(status) : title(status, messages, language));
        body.put("status", status);
        if (messages != null) {
            body.put("detail", detail(status, limit, messages, language));
        }
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
     * page, in French with English alongside, as the language the person chose is not known there; its words come
     * from the message bundles ({@code error.*}).
     */
    static byte[] page(int status, Long limit, MessageSource messages) {
        var fr = Language.FRENCH.locale();
        var en = Language.ENGLISH.locale();
        var tooLarge = limit == null
                ? ""
                : "<p>%s</p><p lang=\"en\">%s</p>"
                        .formatted(tooLarge(messages, limit, fr), tooLarge(messages, limit, en));
        return PAGE.formatted(
                        text(messages, "error.title", fr),
                        text(messages, "error.title", en),
                        text(messages, "error.back", fr),
                        text(messages, "error.back", en),
                        status,
                        tooLarge)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String tooLarge(MessageSource messages, long limit, Locale locale) {
        var text = messages.getMessage("error.too-large", new Object[] {BodyLimits.describe(limit)}, locale);
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static String text(MessageSource messages, String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale), "UTF-8");
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
            case 503 -> ProblemTypes.UNAVAILABLE;
            default -> URI.create("https://gardien.ca/problems/http-" + status);
        };
    }

    private static String reason(int status) {
        var known = HttpStatus.resolve(status);
        return known == null ? String.valueOf(status) : known.getReasonPhrase();
    }

    /** {@code problem.title.<status>}, or the words for any other error with its code. */
    private static String title(int status, MessageSource messages, Locale language) {
        var other = messages.getMessage("problem.title.other", new Object[] {String.valueOf(status)}, language);
        return messages.getMessage("problem.title." + status, null, other, language);
    }

    private static String detail(int status, Long limit, MessageSource messages, Locale language) {
        return switch (status) {
            case 400, 411, 404, 431 -> messages.getMessage("problem.http." + status, null, language);
            case 413 ->
                limit == null
                        ? messages.getMessage("problem.http.413.unknown", null, language)
                        : messages.getMessage("problem.http.413", new Object[] {BodyLimits.describe(limit)}, language);
            case 500 -> messages.getMessage("problem.internal", null, language);
            case 503 -> messages.getMessage("problem.unavailable", null, language);
            default -> title(status, messages, language) + ".";
        };
    }
}
