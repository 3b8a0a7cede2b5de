package ca.gardien.shared;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One text field of a fact's compact JSON payload, for the module that owns the fact to offer (the ledger's entries,
 * a request's timeline), so that a page says how a step was done without reading the payload itself.
 */
public final class PayloadFields {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PayloadFields() {}

    /** Reads numbers as written (1.50 stays 1.50) to show a payload as recorded. */
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /**
     * The payload as recorded, indented for a reader (its fields in their order, its values unchanged): an auditor's
     * view of the raw entry. A payload that is not JSON is returned as it is; never null.
     */
    public static String indented(String payload) {
        if (payload == null || payload.isBlank()) {
            return payload == null ? "" : payload;
        }
        try {
            return EXACT.writerWithDefaultPrettyPrinter().writeValueAsString(EXACT.readTree(payload));
        } catch (JacksonException e) {
            return payload;
        }
    }

    /** The field's text, or null when the payload is absent, not JSON, or has no such text field. */
    public static String text(String payload, String name) {
        if (payload == null || payload.isBlank()) {
            return null;
        }
        try {
            var field = JSON.readTree(payload).get(name);
            return field != null && field.isString() ? field.asString() : null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
