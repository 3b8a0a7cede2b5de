package ca.gardien.organization;

import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.ErrorPages;
import ca.gardien.shared.ForbiddenProblem;
import ca.gardien.shared.Language;
import ca.gardien.shared.ProblemTypes;
import ca.gardien.shared.SpecifiedErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Problem-details bodies for the errors raised by the security filters, before any controller runs: their words come
 * from the bundles in the caller's language ({@link ApiLanguage}).
 */
@Component
class ProblemResponses {

    /** An account must change its initial password before it may use the API (403). */
    static final URI PASSWORD_CHANGE_REQUIRED = ProblemTypes.of("password-change-required");
    /** Too many failed sign-ins from one address (429); try again once they are older than the window. */
    static final URI LOGIN_THROTTLED = ProblemTypes.of("login-throttled");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final List<SpecifiedErrors> specified;

    ProblemResponses(MessageSource messages, List<SpecifiedErrors> specified) {
        this.messages = messages;
        this.specified = List.copyOf(specified);
    }

    AuthenticationEntryPoint unauthenticated(String challenge) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", challenge);
            if (specified(request, response, 401, "problem.unauthenticated")) {
                return;
            }
            write(
                    request,
                    response,
                    401,
                    ProblemTypes.UNAUTHENTICATED,
                    "problem.unauthenticated.title",
                    "problem.unauthenticated");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> {
            if (specified(request, response, 403, "problem.forbidden")) {
                return;
            }
            var language = ApiLanguage.of(request);
            response.setStatus(403);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setHeader("Content-Language", language.toLanguageTag());
            response.getOutputStream().write(JSON.writeValueAsBytes(ForbiddenProblem.body(messages, language)));
        };
    }

    /**
     * The pages' refusals: a form whose anti-forgery token no longer matches the session (it stayed open past the
     * session, or someone signed in or out in another tab) is said to have expired, on the error page; before, a person
     * filing a request on the portal was told their role did not allow the page (officer's walk). An account without a
     * person's role (an OpenCompliance controller's system) is told that it is for the OpenCompliance API only, and
     * where it chooses its password. Any other refusal is the container's 403 page, as before.
     */
    AccessDeniedHandler pages() {
        var container = new AccessDeniedHandlerImpl();
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                request.setAttribute(ErrorPages.FORM_EXPIRED, Boolean.TRUE);
            } else if (apiOnly(SecurityContextHolder.getContext().getAuthentication())) {
                request.setAttribute(ErrorPages.API_ONLY, Boolean.TRUE);
            }
            container.handle(request, response, e);
        };
    }

    /** A signed-in account that holds no person's role: it opens no console page. */
    private static boolean apiOnly(Authentication auth) {
        return auth != null
                && CurrentActor.accountId(auth).isPresent()
                && CurrentActor.roles(auth).stream().noneMatch(Role::person);
    }

    /**
     * On the paths of a specification fixing its own error shape (OpenCompliance), the refusal in that shape and in
     * English ({@link SpecifiedErrors}): whether it was written.
     */
    private boolean specified(HttpServletRequest request, HttpServletResponse response, int status, String detailKey)
            throws IOException {
        var path = new UrlPathHelper().getPathWithinApplication(request);
        var shape = SpecifiedErrors.covering(specified, path);
        if (shape.isEmpty()) {
            return false;
        }
        shape.get().write(response, status, messages.getMessage(detailKey, null, Language.ENGLISH.locale()));
        return true;
    }

    /** Writes the problem whose title and detail are the texts of these two keys. */
    void write(
            HttpServletRequest request,
            HttpServletResponse response,
            int status,
            URI type,
            String titleKey,
            String detailKey)
            throws IOException {
        var language = ApiLanguage.of(request);
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type.toString());
        body.put("title", messages.getMessage(titleKey, null, language));
        body.put("status", status);
        body.put("detail", messages.getMessage(detailKey, null, language));
        body.put("instance", request.getRequestURI());
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Content-Language", language.toLanguageTag());
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
