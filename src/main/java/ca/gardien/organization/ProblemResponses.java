package ca.gardien.organization;

import ca.gardien.shared.ProblemTypes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** Problem-details bodies for the errors raised by the security filters, before any controller runs. */
final class ProblemResponses {

    /** An account must change its initial password before it may use the API (403). */
    static final URI PASSWORD_CHANGE_REQUIRED = ProblemTypes.of("password-change-required");
    /** Too many failed sign-ins from one address (429); try again once they are older than the window. */
    static final URI LOGIN_THROTTLED = ProblemTypes.of("login-throttled");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthenticated(String challenge) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", challenge);
            write(
                    response,
                    401,
                    ProblemTypes.UNAUTHENTICATED,
                    "Unauthorized",
                    "Authentication is required: send Authorization: Bearer <token>.",
                    request.getRequestURI());
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(
                response,
                403,
                ProblemTypes.FORBIDDEN,
                "Forbidden",
                "Your role does not allow this action.",
                request.getRequestURI());
    }

    static void write(HttpServletResponse response, int status, URI type, String title, String detail, String instance)
            throws IOException {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
