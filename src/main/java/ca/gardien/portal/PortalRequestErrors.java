package ca.gardien.portal;

import ca.gardien.shared.ErrorPages;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** An unknown request or a malformed post on the public request pages is a 404 or 400 page, never a 500. */
@ControllerAdvice(assignableTypes = {RequestPages.class, RequestCodePages.class})
@Order(-10)
class PortalRequestErrors extends ErrorPages {}
