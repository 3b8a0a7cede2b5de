package ca.gardien.requests;

import ca.gardien.organization.Letterhead;
import ca.gardien.shared.ErrorPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The download link's page never answers JSON: an unknown link is the 404 page; a link used or expired between the page
 * and the button is the link's 410 page.
 */
@ControllerAdvice(assignableTypes = DownloadPages.class)
@Order(-10)
class DownloadPageErrors extends ErrorPages {

    private final Deliveries deliveries;
    private final Letterhead letterhead;

    DownloadPageErrors(Deliveries deliveries, Letterhead letterhead) {
        this.deliveries = deliveries;
        this.letterhead = letterhead;
    }

    @ExceptionHandler(RequestProblem.class)
    String gone(RequestProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (problem.refusal != Refusal.DOWNLOAD_GONE) {
            throw problem;
        }
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return DownloadPages.page(deliveries.look(variables.get("token")), letterhead, model, request, response);
    }
}
