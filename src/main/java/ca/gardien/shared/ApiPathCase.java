package ca.gardien.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A path of the API spelt in another case ({@code /API/V1/…}, {@code /Api/v1/…}) is answered as the API answers a path
 * it does not know: a 404 problem, whoever asks. Spring MVC and the security chains match paths case by case, so
 * nothing was ever served there; but such a path fell to the web pages' chain, which sent an API client to the sign-in
 * page (302) or refused a signed-in one (403), as for a page (attacker's probe).
 */
class ApiPathCase extends OncePerRequestFilter {

    private static final org.springframework.web.util.UrlPathHelper PATHS =
            new org.springframework.web.util.UrlPathHelper();

    private final MessageSource messages;

    ApiPathCase(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // the path as the security chains match it, decoded: /%41PI/v1/… is /API/v1/… (attacker's probe)
        if (ErrorContract.apiInOtherCase(ErrorContract.decodedPath(request))) {
            ErrorContract.refuse(request, response, EdgeRefusal.of(HttpServletResponse.SC_NOT_FOUND), messages);
            return;
        }
        chain.doFilter(request, response);
    }
}
