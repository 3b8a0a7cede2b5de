package ca.gardien.opencompliance;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Language;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.RateLimitedException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Renders refusals of the OpenCompliance endpoints in the specification's error shape (section 7.6) rather than as
 * problem details, in English like the specification's own messages; ordered before the shared advice.
 */
@RestControllerAdvice(assignableTypes = OpenComplianceController.class)
@Order(-20)
class OpenComplianceErrors {

    private static final Logger log = LoggerFactory.getLogger(OpenComplianceErrors.class);

    /** The specification's error messages are machine-read English; Gardien's own refusals are given in it too. */
    private static final Locale WIRE_LANGUAGE = Language.ENGLISH.locale();

    private final MessageSource messages;

    OpenComplianceErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(OpenComplianceException.class)
    ResponseEntity<Map<String, Object>> refused(OpenComplianceException e) {
        return body(e.status, e.getMessage(), e.details);
    }

    /** The intake's own checks (an invalid email, a type the jurisdiction does not know), by field name only. */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        var details = FieldError.in(e.errors(), messages, WIRE_LANGUAGE).stream()
                .map(f ->
                        new OpenComplianceException.Detail("Validation", "InvalidField", f.field() + " " + f.message()))
                .toList();
        return body(400, details.getFirst().message(), details);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return body(404, "not found", List.of(new OpenComplianceException.Detail("Request", "NotFound", "not found")));
    }

    /** Workflow refusals of the requests module (e.g. a type unavailable in the jurisdiction: 422). */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> other(RuntimeException e) {
        if (e instanceof RateLimitedException limited) {
            var detail = "Too many requests; try again in " + limited.retryAfterSeconds() + " seconds.";
            return body(429, detail, List.of(new OpenComplianceException.Detail("Request", "429", detail)));
        }
        if (e instanceof ErrorResponse response) {
            int status = response.getStatusCode().value();
            return body(status, response.getBody().getDetail(), List.of(detail(response)));
        }
        if (e instanceof ca.gardien.requests.RequestRefusal refusal) {
            var detail = refusal.detail(messages, WIRE_LANGUAGE);
            return body(
                    refusal.statusCode(),
                    detail,
                    List.of(new OpenComplianceException.Detail("Workflow", refusal.reason(), detail)));
        }
        log.error("OpenCompliance call failed: {}", e.getClass().getName());
        return body(500, "internal error", List.of(new OpenComplianceException.Detail("Server", "Internal", "retry")));
    }

    private static OpenComplianceException.Detail detail(ErrorResponse response) {
        return requestDetail(
                response.getStatusCode().value(), response.getBody().getDetail());
    }

    private static OpenComplianceException.Detail requestDetail(int status, String message) {
        return new OpenComplianceException.Detail("Request", String.valueOf(status), message);
    }

    /**
     * A refusal at the edge, before any controller (a body over its cap: {@code SpecifiedErrors}), in the same shape
     * and words as a refusal raised here.
     */
    static byte[] edge(int status, String message) {
        return SubmissionReader.JSON.writeValueAsBytes(shape(status, message, List.of(requestDetail(status, message))));
    }

    private static ResponseEntity<Map<String, Object>> body(
            int status, String message, List<OpenComplianceException.Detail> details) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .body(shape(status, message, details));
    }

    /** {@code {"error":{"code","message","errors":[…]}}} (section 7.6). */
    private static Map<String, Object> shape(int status, String message, List<OpenComplianceException.Detail> details) {
        var error = new LinkedHashMap<String, Object>();
        error.put("code", status);
        error.put("message", message == null ? HttpStatus.valueOf(status).name() : message);
        error.put("errors", details);
        return Map.of("error", error);
    }
}
