package ca.gardien.connectors;

import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.ProblemTypes;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A connected database that does not answer is a 503 problem on every connector endpoint, plans included; a
 * connector whose address the rules now refuse is a 422; an export package deleted after its retention is a 410.
 */
// every API path: other modules call connectors' published API too (an incident's census), and a target that does not
// answer is the connector's 503, not Gardien's own database away nor a 500
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@Order(-10)
class ConnectorProblems {

    /** A connected database or service did not answer (503); the request may be repeated later. */
    static final URI UNAVAILABLE = ProblemTypes.of("connector-unavailable");
    /** A registered connector's address is refused by the connector rules (422); it is not connected to. */
    static final URI REFUSED = ProblemTypes.of("connector-refused");
    /** An export package was deleted after its retention period (410). */
    static final URI PACKAGE_GONE = ProblemTypes.of("package-gone");

    private final MessageSource messages;

    ConnectorProblems(MessageSource messages) {
        this.messages = messages;
    }

    private static java.util.Locale locale() {
        return ApiLanguage.current();
    }

    @ExceptionHandler(TargetUnavailableException.class)
    ProblemDetail unavailable(TargetUnavailableException e) {
        var pd = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                messages.getMessage("connectors.problem.unavailable.detail", new Object[] {e.sqlState()}, locale()));
        pd.setType(UNAVAILABLE);
        return pd;
    }

    @ExceptionHandler(ConnectorRefusedException.class)
    ProblemDetail refused(ConnectorRefusedException e) {
        var pd = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                messages.getMessage("connectors.problem.refused.detail", null, locale()));
        pd.setType(REFUSED);
        pd.setTitle(messages.getMessage("connectors.problem.refused.title", null, locale()));
        pd.setProperty("errors", FieldError.in(e.errors(), messages, ApiLanguage.current()));
        return pd;
    }

    @ExceptionHandler(PackageGoneException.class)
    ProblemDetail gone(PackageGoneException e) {
        var pd = ProblemDetail.forStatusAndDetail(
                HttpStatus.GONE,
                messages.getMessage(
                        "connectors.problem.package-gone.detail", new Object[] {e.retentionDays()}, locale()));
        pd.setType(PACKAGE_GONE);
        pd.setTitle(messages.getMessage("connectors.problem.package-gone.title", null, locale()));
        return pd;
    }
}
