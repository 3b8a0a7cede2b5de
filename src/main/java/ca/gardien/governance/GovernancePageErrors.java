package ca.gardien.governance;

import ca.gardien.shared.ErrorPages;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/** An unknown policy, version or campaign behind a governance console page is a 404 page, bad input a 400 page. */
@ControllerAdvice(assignableTypes = {PolicyPages.class, OfficerPages.class, TrainingPages.class, RegisterPages.class})
@Order(-10)
class GovernancePageErrors extends ErrorPages {}
