package ca.gardien.console;

import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** An unknown request on the console request pages is a 404 or 400 page, never a 500. */
@ControllerAdvice(assignableTypes = {RequestPage.class, RequestActions.class, ResponseActions.class})
@Order(-10)
class ConsoleRequestErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        return "error";
    }

    @ExceptionHandler(InvalidInputException.class)
    String invalid(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("status", 400);
        return "error";
    }
}
