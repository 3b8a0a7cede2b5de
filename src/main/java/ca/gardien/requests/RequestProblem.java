package ca.gardien.requests;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request-workflow rule refused the call; rendered as a problem of its own type with extra properties. */
class RequestProblem extends RuntimeException implements RequestRefusal {

    final HttpStatus status;
    final URI type;
    final String title;
    final transient Map<String, Object> properties;

    RequestProblem(HttpStatus status, URI type, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    @Override
    public int statusCode() {
        return status.value();
    }

    @Override
    public String reason() {
        var path = type.getPath();
        return path == null ? "refused" : path.substring(path.lastIndexOf('/') + 1);
    }
}
