package ca.gardien.organization;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;

/**
 * A refused sign-in goes back to {@code /login?error} as before, the user name typed kept for the form in the session
 * (officer's review: the page came back with the name emptied). Never the password; at most {@link #MAX} characters.
 */
@org.springframework.modulith.NamedInterface("views")
public final class FormLoginFailures extends SimpleUrlAuthenticationFailureHandler {

    /** The session attribute the login page reads the name from, once. */
    private static final String TYPED = FormLoginFailures.class.getName() + ".typed";

    static final int MAX = 100;

    FormLoginFailures() {
        super("/login?error");
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        var typed = request.getParameter("username");
        if (typed != null && !typed.isBlank() && typed.length() <= MAX) {
            request.getSession(true).setAttribute(TYPED, typed.strip());
        }
        super.onAuthenticationFailure(request, response, exception);
    }

    /** The user name of the refused sign-in this session just made, taken once (the login page shows it again). */
    public static java.util.Optional<String> typed(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(TYPED) instanceof String typed)) {
            return java.util.Optional.empty();
        }
        session.removeAttribute(TYPED);
        return java.util.Optional.of(typed);
    }
}
