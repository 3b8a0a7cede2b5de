package ca.gardien.console;

import ca.gardien.shared.ErrorPages;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** An unknown message or a bad page number on the outbox page is a 404 or 400 page, never a 500. */
@ControllerAdvice(assignableTypes = OutboxPages.class)
@Order(-10)
class OutboxPageErrors extends ErrorPages {}
