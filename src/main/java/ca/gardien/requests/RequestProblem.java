package ca.gardien.requests;

import java.util.List;
import java.util.Map;

/**
 * A request-workflow rule refused the call: a domain exception naming the {@link Refusal}, which the module's advice
 * ({@link RequestProblems}) renders as a problem of its own type with the extra properties.
 */
class RequestProblem extends RuntimeException implements RequestRefusal {

    final Refusal refusal;
    final String title;
    final transient Map<String, Object> properties;

    RequestProblem(Refusal refusal, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.refusal = refusal;
        this.title = title;
        this.properties = Map.copyOf(properties);
    }

    @Override
    public int statusCode() {
        return RequestProblems.statusCode(refusal);
    }

    @Override
    public List<String> fields() {
        if (properties.get("missing") instanceof List<?> missing) {
            return missing.stream().map(String::valueOf).toList();
        }
        return properties.get("field") instanceof String field ? List.of(field) : List.of();
    }

    @Override
    public String reason() {
        return RequestProblems.typeName(refusal);
    }
}
