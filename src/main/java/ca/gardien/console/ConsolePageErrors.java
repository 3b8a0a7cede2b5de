package ca.gardien.console;

import ca.gardien.shared.ErrorPages;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * An unknown object or bad input that escapes a console page is a 404 or 400 page, never a 500 (the officer's review
 * of 2026-12-04 found a 500 behind a link of the gap page).
 */
@ControllerAdvice(basePackages = "ca.gardien.console")
@Order(-10)
class ConsolePageErrors extends ErrorPages {}
