package ca.gardien.shared;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;

/** Turns a JSON parse failure into the path of the offending field, without the offending value. */
final class JsonPaths {

    private JsonPaths() {}

    static String describe(HttpMessageNotReadableException ex) {
        if (!(ex.getCause() instanceof JacksonException je) || je.getPath().isEmpty()) {
            return null;
        }
        var sb = new StringBuilder();
        for (var ref : je.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
