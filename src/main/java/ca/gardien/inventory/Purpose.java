package ca.gardien.inventory;

/**
 * Why information is collected or used (ss. 4, 5, 8). {@code kind} is {@code primary} (the purpose of collection) or
 * {@code secondary} (another use, which s. 12 allows only with consent or under one of its exceptions).
 */
public record Purpose(String id, Text name, Text description, String kind, boolean implicitConsentAllowed)
        implements DataMap.Item {

    static final String PRIMARY = "primary";
    static final String SECONDARY = "secondary";
}
