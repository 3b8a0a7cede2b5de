package ca.gardien.console;

import ca.gardien.shared.ErrorPages;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** An unknown request on the console request pages is a 404 or 400 page, never a 500. */
@ControllerAdvice(assignableTypes = {RequestPage.class, RequestActions.class, ResponseActions.class})
@Order(-10)
class ConsoleRequestErrors extends ErrorPages {}
