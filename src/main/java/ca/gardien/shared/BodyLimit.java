package ca.gardien.shared;

import org.springframework.util.unit.DataSize;

/**
 * A module's own request-body cap for the paths matching {@code pattern} (Spring path pattern, e.g.
 * {@code /api/v1/requests/*}{@code /documents}), above the default of {@code gardien.web.max-body.default}. Declared
 * as a bean by the module that owns the endpoint; {@code gardien.web.max-body.paths} overrides it.
 */
public record BodyLimit(String pattern, DataSize max) {

    public BodyLimit {
        if (pattern == null || !pattern.startsWith("/") || max == null || max.isNegative()) {
            throw new IllegalArgumentException("a body limit needs a path pattern and a size");
        }
    }
}
