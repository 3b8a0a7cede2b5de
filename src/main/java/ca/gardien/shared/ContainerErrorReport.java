package ca.gardien.shared;

import java.io.IOException;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;

/**
 * Tomcat's last word on a request it refused before Gardien saw it (an encoded {@code /} in the path, a malformed
 * escape, a character not allowed in a request line, a request line or headers over
 * {@code server.max-http-request-header-size}): a problem for the API's paths, for a JSON body, for clients asking for
 * JSON and for a request line too broken to read, a plain bilingual error page saying why otherwise (in the language
 * {@code Accept-Language} asks for first), instead of Tomcat's own page. Installed as
 * the host's error report valve ({@link WebEdgeConfiguration}).
 */
public class ContainerErrorReport extends ErrorReportValve {

    /** Tomcat creates the valve by its class name: the bundles are handed over before the server starts. */
    private static volatile MessageSource messages;
    /** The paths whose specification fixes the error shape ({@link SpecifiedErrors}), handed over with the bundles. */
    private static volatile List<SpecifiedErrors> specified = List.of();

    static void speak(MessageSource source, List<SpecifiedErrors> shapes) {
        specified = List.copyOf(shapes);
        messages = source;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var path = request.getRequestURI();
        // a request line Tomcat could not read has no path nor headers: whoever sent it is not a browser on a page
        // without the bundles (not handed over yet), the problem is the answer that needs no words
        boolean problem =
                messages == null || path == null || path.isEmpty() || ErrorContract.wantsProblem(path, request);
        try {
            EdgeHeaders.protect(response);
            var shape = SpecifiedErrors.covering(specified, path);
            if (shape.isPresent()) { // an OpenCompliance address Tomcat refused (%zz, an encoded slash)
                var english = messages == null ? null : ErrorContract.english(EdgeRefusal.of(status), messages);
                shape.get().write(response, status, english);
                response.finishResponse();
                return;
            }
            response.setContentType(
                    problem ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.TEXT_HTML_VALUE + ";charset=utf-8");
            // the raw path may be what was refused: it is not echoed
            var refusal = EdgeRefusal.of(status);
            var language = ApiLanguage.of(request);
            var body = problem
                    ? ErrorContract.problem(refusal, null, messages, language)
                    : ErrorContract.page(refusal, messages, language);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: the status line is all it gets
        }
    }
}
