package ca.gardien.shared;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one error contract of the REST API: RFC 9457 problem details with stable {@code type} URIs. Messages name fields
 * but never echo submitted values, so personal information cannot leak through an error. Its own words come from the
 * message bundles ({@code problem.*}) in the language {@link ApiLanguage} names, as do the fields' messages.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0) // before ApiRoutingProblems
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return validation(e.errors());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, e.in(getMessageSource(), ApiLanguage.current()));
    }

    /** A conflict, or two writes at once that no module put in words (a lock not had): 409, never a 500. */
    @ExceptionHandler({ConflictException.class, ConcurrencyFailureException.class})
    ProblemDetail conflict(RuntimeException e) {
        var detail = e instanceof ConflictException conflict
                ? conflict.in(getMessageSource(), ApiLanguage.current())
                : text("problem.conflict.changed");
        return problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, detail);
    }

    /**
     * An integrity violation, read as every edge reads it ({@link IntegrityViolations}): a unique key taken first is a
     * 409 (it already exists), a foreign key a 409 (what it refers to changed or was removed meanwhile); any other is a
     * bug, logged without its SQL, and the generic 500 problem.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        return switch (IntegrityViolations.of(e)) {
            case DUPLICATE_KEY -> conflict("problem.conflict.integrity");
            case FOREIGN_KEY -> conflict("problem.conflict.reference");
            case OTHER -> {
                IntegrityViolations.logBug(e, "an API call");
                yield ResponseEntity.internalServerError().body(internal());
            }
        };
    }

    private ResponseEntity<ProblemDetail> conflict(String key) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, ProblemTypes.CONFLICT, text(key)));
    }

    private ProblemDetail internal() {
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, text("problem.internal"));
    }

    /** The same body as the security filters' 403 ({@link ForbiddenProblem}): nothing tells the two apart. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<java.util.Map<String, Object>> denied(AccessDeniedException e) {
        var language = ApiLanguage.current();
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag())
                .body(ForbiddenProblem.body(getMessageSource(), language));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return validation(List.of(new FieldError(e.getName(), text("problem.field.wrong-type"))));
    }

    /**
     * A header value the firewall refuses when it is read (a C1 control byte, 0x80 to 0x9F): a malformed request, as
     * the edge says of one (attacker's review: a 500 and an ERROR line per request, without signing in).
     */
    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejected(RequestRejectedException e) {
        log.info("Refused a request whose header value the firewall does not accept");
        return problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, text("problem.http.400"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseAway.is(e)) {
            log.warn(
                    "API call refused while the database is away: {}",
                    e.getClass().getName());
            var pd = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, text("problem.unavailable"));
            pd.setTitle(getMessageSource().getMessage("problem.title.503", null, ApiLanguage.current()));
            pd.setProperty("retryAfterSeconds", DatabaseAway.RETRY_AFTER_SECONDS);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseAway.RETRY_AFTER_SECONDS))
                    .body(pd);
        }
        // Only the exception class: messages of unexpected exceptions may carry submitted values.
        log.error("Unexpected {} while handling an API call", e.getClass().getName());
        return ResponseEntity.internalServerError().body(internal());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(err -> new FieldError(r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return ResponseEntity.badRequest().body(validation(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // a field the operation does not read (StrictRequestFields): said as such, not as JSON that could not be read
        // a value of the wrong kind in valid JSON is said as such, not as JSON that could not be read (attacker)
        var unknown = ex.getCause() instanceof tools.jackson.databind.exc.UnrecognizedPropertyException;
        var path = JsonPaths.describe(ex);
        var detail = unknown
                ? "problem.body.unknown-field"
                : path == null ? "problem.body.unreadable" : "problem.body.malformed-field";
        var body = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, text(detail));
        if (path != null) {
            body.setProperty(
                    "errors",
                    List.of(new FieldError(path, text(unknown ? "problem.field.unknown" : "problem.field.malformed"))));
        }
        return ResponseEntity.badRequest().body(body);
    }

    /**
     * Spring MVC's own exceptions (404, 405, 415 …) in the caller's language ({@link ApiLanguage}): their words come from
     * the bundles ({@code problemDetail.<exception class>}, with Spring's arguments: the method, the types accepted),
     * else the status's own words ({@code problem.http.<status>}), never Spring's English under a French title.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof org.springframework.web.ErrorResponse error) {
            var language = ApiLanguage.current();
            var words = getMessageSource();
            var pd = error.updateAndGetBody(words, language);
            if (words.getMessage(error.getDetailMessageCode(), null, null, language) == null) {
                var key = "problem.http." + statusCode.value() + (statusCode.value() == 413 ? ".unknown" : "");
                var said = words.getMessage(key, null, null, language);
                if (said != null) {
                    pd.setDetail(said);
                }
            }
            body = pd;
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /**
     * The last step for Spring MVC's own exceptions (415, 405, 404 ...): their body is only created inside
     * {@code handleExceptionInternal}, so the stable type is set here.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(
            Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail pd
                && (pd.getType() == null || "about:blank".equals(pd.getType().toString()))) {
            pd.setType(typeFor(statusCode));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    ProblemDetail validation(List<FieldError> errors) {
        var pd = problem(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION, text("problem.validation"));
        pd.setProperty("errors", FieldError.in(errors, getMessageSource(), ApiLanguage.current()));
        return pd;
    }

    static ProblemDetail problem(HttpStatus status, URI type, String detail) {
        var pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(type);
        return pd;
    }

    private String text(String key) {
        return getMessageSource().getMessage(key, null, ApiLanguage.current());
    }

    private static URI typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ProblemTypes.MALFORMED_REQUEST;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            default -> URI.create("https://gardien.ca/problems/http-" + status.value());
        };
    }
}
