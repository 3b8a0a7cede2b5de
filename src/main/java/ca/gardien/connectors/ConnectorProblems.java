package ca.gardien.connectors;

import ca.gardien.shared.ProblemTypes;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A connected database that does not answer is a 503 problem on every connector endpoint, plans included. */
@RestControllerAdvice(assignableTypes = {ConnectorController.class, RunController.class})
@Order(-10)
class ConnectorProblems {

    @ExceptionHandler(TargetUnavailableException.class)
    ProblemDetail unavailable(TargetUnavailableException e) {
        var pd = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        pd.setType(ProblemTypes.CONNECTOR_UNAVAILABLE);
        return pd;
    }
}
