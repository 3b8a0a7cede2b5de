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
 * API's paths and requests whose body is JSON always get RFC 9457 problem details, other paths get them when the
 * client asks for JSON rather than HTML, and the error page otherwise. Never the submitted values, never a stack trace.
 */
final class ErrorContract {

    /** The API's paths, the OpenAPI document's included (its group paths, and one with a trailing slash). */
    private static final List<String> API_PATHS =
            List.of("/api/", "/opencompliance/", "/opengdpr/", "/actuator/", "/v3/api-docs/");
    /**
     * Answers a filter's refusal at once: a problem (API, JSON clients) or the error page (HTML), saying why and naming
     * the limit when there is one. Written here rather than through the error page: rendering it would read request
     * parameters, and the container would then parse the very body that was refused.
     */
    static void refuse(
            HttpServletRequest request, HttpServletResponse response, EdgeRefusal refusal, MessageSource messages)
            throws IOException {
        refuse(request, response, refusal, messages, List.of());
    }

    /**
     * The same, where a module's specification fixes the error shape of its paths ({@link SpecifiedErrors}): this is
     * the one place that chooses the shape by path.
     */
    static void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            EdgeRefusal refusal,
            MessageSource messages,
            List<SpecifiedErrors> specified)
            throws IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var decoded = decodedPath(request);
        boolean problem = wantsProblem(decoded, request);
        response.setStatus(refusal.status());
        response.setHeader(HttpHeaders.CONNECTION, "close");
        var shape = SpecifiedErrors.covering(specified, decoded);
        if (shape.isPresent()) {
            shape.get().write(response, refusal.status(), english(refusal, messages));
            return;
        }
        response.setContentType(
                problem ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE + ";charset=utf-8");
        var language = ApiLanguage.of(request);
        response.getOutputStream()
                .write(problem ? problem(refusal, path, messages, language) : page(refusal, messages, language));
    }

    /** The same paths as Spring MVC patterns. */
    static final List<String> API_PATTERNS =
            API_PATHS.stream().map(path -> path + "**").toList();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="%1$s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>%2$s — Gardien</title><link rel="stylesheet" href="/css/gardien.css"></head>
            <body><main class="narrow"><h1>%2$s</h1><p>%3$s</p><p>%9$d</p>
            <div lang="%5$s"><p><strong>%6$s</strong></p><p>%7$s</p></div>
            <p><a href="/?lang=%1$s">%4$s</a> · <a href="/?lang=%5$s" lang="%5$s">%8$s</a></p></main>
            </body></html>
            """;

    private ErrorContract() {}

    /**
     * A problem for the API's paths and for a JSON body whatever {@code Accept} says (a browser's form never posts
     * JSON), else when the client asks for JSON but not HTML.
     */
    static boolean wantsProblem(String path, HttpServletRequest request) {
        if (path != null
                && (API_PATHS.stream().anyMatch(api -> path.regionMatches(true, 0, api, 0, api.length()))
                        || path.regionMatches(true, 0, OPENAPI, 0, OPENAPI.length()))) {
            return true; // in any case: /API/V1/… is an unknown path of the API (ApiPathCase)
        }
        var types = media(request.getContentType());
        if (!types.isEmpty() && types.getFirst().getSubtype().endsWith("json")) {
            return true;
        }
        var accepted = media(request.getHeader(HttpHeaders.ACCEPT));
        boolean json = accepted.stream()
                .anyMatch(t -> !t.isWildcardSubtype() && t.getSubtype().endsWith("json"));
        return json && accepted.stream().noneMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
    }

    /**
     * A path under one of the API's in another case ({@code /API/V1/…}), or the OpenAPI document's ({@code /V3/API-DOCS},
     * {@code /V3/API-DOCS.yaml}): nothing is served there.
     */
    static boolean apiInOtherCase(String path) {
        return path != null
                && (API_PATHS.stream()
                                .anyMatch(api ->
                                        path.regionMatches(true, 0, api, 0, api.length()) && !path.startsWith(api))
                        || (path.regionMatches(true, 0, OPENAPI, 0, OPENAPI.length()) && !path.startsWith(OPENAPI)));
    }

    private static final String OPENAPI = "/v3/api-docs";

    private static final org.springframework.web.util.UrlPathHelper PATHS =
            new org.springframework.web.util.UrlPathHelper();

    /** The path as the security chains and the handlers match it: decoded ({@code /%41PI/} is {@code /API/}). */
    static String decodedPath(HttpServletRequest request) {
        return PATHS.getPathWithinApplication(request);
    }

    private static List<MediaType> media(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return MediaType.parseMediaTypes(header);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /**
     * The problem in the caller's language ({@link ApiLanguage}); without the bundles (not handed over yet), the HTTP
     * reason phrase and no detail.
     */
    static byte[] problem(EdgeRefusal refusal, String instance, MessageSource messages, Locale language) {
        int status = refusal.status();
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type(status).toString());
        body.put("title", messages == null ? reason(status) : title(status, messages, language));
        body.put("status", status);
        if (messages != null) {
            body.put("detail", detail(refusal, messages, language));
        }
        if (instance != null) {
            body.put("instance", instance);
        }
        if (refusal.limit() != null) {
            body.put("limit", refusal.limit());
        }
        return JSON.writeValueAsBytes(body);
    }

    /**
     * The error page where Thymeleaf cannot be reached (Tomcat's refusals, the filters' refusals): the look of the
     * Gardien page, saying why in the caller's language ({@link ApiLanguage}) with the other one alongside, as the
     * language the person chose on the site is not known there; its words come from the message bundles.
     */
    static byte[] page(EdgeRefusal refusal, MessageSource messages, Locale language) {
        var lead = Language.of(language).locale();
        var other = (lead.equals(Language.FRENCH.locale()) ? Language.ENGLISH : Language.FRENCH).locale();
        return PAGE.formatted(
                        lead.getLanguage(),
                        text(messages, "error.title", lead),
                        html(sentence(refusal, messages, lead)),
                        text(messages, "error.back", lead),
                        other.getLanguage(),
                        text(messages, "error.title", other),
                        html(sentence(refusal, messages, other)),
                        text(messages, "error.back", other),
                        refusal.status())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What the page says: a body over its cap in a browser's words, anything else as the problem's detail. */
    private static String sentence(EdgeRefusal refusal, MessageSource messages, Locale locale) {
        if (refusal.status() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
                && refusal.limit() != null
                && refusal.reason() == null) {
            return messages.getMessage("error.too-large", new Object[] {BodyLimits.describe(refusal.limit())}, locale);
        }
        return detail(refusal, messages, locale);
    }

    private static String text(MessageSource messages, String key, Locale locale) {
        return html(messages.getMessage(key, null, locale));
    }

    private static String html(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
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

    /** What a specification's error shape says ({@link SpecifiedErrors}): the problem's detail, in English. */
    static String english(EdgeRefusal refusal, MessageSource messages) {
        return detail(refusal, messages, Language.ENGLISH.locale());
    }

    private static String detail(EdgeRefusal refusal, MessageSource messages, Locale language) {
        int status = refusal.status();
        var limit = refusal.limit();
        if (refusal.reason() != null) {
            var key = "problem.http." + status + "." + refusal.reason();
            return messages.getMessage(key, limit == null ? null : new Object[] {limit}, language);
        }
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
