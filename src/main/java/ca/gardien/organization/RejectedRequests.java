package ca.gardien.organization;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A request the firewall refuses ({@code /requests/download/%2e%2e}, an encoded slash) never reaches the security chains
 * that write the protective headers: its 400 went out without them (attacker's review). They are written here, then
 * the error answers as any 400 does (a request Tomcat refuses gets them from {@code ContainerErrorReport}).
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        ca.gardien.shared.EdgeHeaders.protect(response);
        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
    }
}
