package ca.gardien.organization;

import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused password is a validation problem naming the field, in the language {@link ApiLanguage} names (as the rest
 * of the API); {@code rule} tells which rule refused it. Ordered before the shared advice, which has no {@code rule}.
 */
@RestControllerAdvice(basePackageClasses = PasswordProblems.class)
@Order(-10)
class PasswordProblems {

    private final MessageSource messages;

    PasswordProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(PasswordRefusedException.class)
    ProblemDetail refused(PasswordRefusedException e, HttpServletRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, messages.getMessage("problem.validation", null, ApiLanguage.of(request)));
        problem.setType(ProblemTypes.VALIDATION);
        problem.setProperty("errors", FieldError.in(e.errors(), messages, ApiLanguage.of(request))); // all at once
        problem.setProperty("rule", e.reason().code());
        return problem;
    }
}
