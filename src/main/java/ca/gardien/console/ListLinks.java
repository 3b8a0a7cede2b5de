package ca.gardien.console;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/** Links of the console lists (next page, CSV export) that repeat only the filters actually set. */
final class ListLinks {

    private ListLinks() {}

    /** {@code path} with each non-blank parameter, in the order given, encoded. */
    static String href(String path, Object... namesAndValues) {
        var params = new LinkedHashMap<String, Object>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return href(path, params);
    }

    static String href(String path, Map<String, Object> params) {
        var uri = UriComponentsBuilder.fromPath(path);
        params.forEach((name, value) -> {
            if (value != null && !value.toString().isBlank()) {
                uri.queryParam(name, value.toString());
            }
        });
        return uri.encode().build().toUriString();
    }
}
