package ca.gardien.requests;

/**
 * What another module may learn of a workflow refusal (a step not allowed in the status, a type the jurisdiction does
 * not know) to render it in its own error format.
 */
@org.springframework.modulith.NamedInterface("actions")
public interface RequestRefusal extends ca.gardien.shared.FieldRefusal {

    /** The HTTP status the refusal stands for (409, 422, 429 …). */
    int statusCode();

    /** The last segment of the refusal's stable problem type, e.g. {@code request-type-unavailable}. */
    String reason();
}
