package ca.gardien.organization;

import ca.gardien.shared.Language;
import ca.gardien.shared.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused password is a validation problem naming the field, in French when the client asks for it with
 * {@code Accept-Language: fr}, in English otherwise (the language of the rest of the API); {@code rule} tells which rule
 * refused it. Ordered before the shared advice, which would otherwise answer in English only.
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
                HttpStatus.BAD_REQUEST, messages.getMessage("problem.validation", null, Language.ENGLISH.locale()));
        problem.setType(ProblemTypes.VALIDATION);
        problem.setProperty("errors", List.of(e.localized(messages, language(request))));
        problem.setProperty("rule", e.reason().code());
        return problem;
    }

    private static Locale language(HttpServletRequest request) {
        var asked = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null
                ? Optional.<Language>empty()
                : Language.byCode(request.getLocale().getLanguage());
        return asked.orElse(Language.ENGLISH).locale();
    }
}
