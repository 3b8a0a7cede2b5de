package ca.gardien.inventory;

import java.util.List;

/**
 * Why information is collected or used (ss. 4, 5, 8). {@code kind} is {@code primary} (the purpose of collection) or
 * {@code secondary} (another use, which s. 12 allows only with consent or under one of its exceptions).
 * {@code cookieCategory} (optional) puts a website purpose under a cookie-banner category ({@code necessary},
 * {@code preferences}, {@code statistics}, {@code marketing}); {@code iabPurposes} (optional) are the IAB TCF purpose
 * ids (1-11) the purpose corresponds to, for the TCF and GPP consent strings.
 */
public record Purpose(
        String id,
        Text name,
        Text description,
        String kind,
        boolean implicitConsentAllowed,
        String cookieCategory,
        List<Integer> iabPurposes)
        implements DataMap.Item {

    static final String PRIMARY = "primary";
    static final String SECONDARY = "secondary";
    public static final List<String> COOKIE_CATEGORIES = List.of("necessary", "preferences", "statistics", "marketing");
    public static final int MAX_IAB_PURPOSE = 11;

    /** The IAB purposes, never null. */
    public List<Integer> iabPurposeIds() {
        return iabPurposes == null ? List.of() : iabPurposes;
    }
}
