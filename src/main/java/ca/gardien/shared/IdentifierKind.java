package ca.gardien.shared;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of identifier by which Gardien knows a data subject. Built in: email, phone (E.164), the organization's
 * customer number and an anonymous visitor id (consent banners). A data map may name further, organization-defined
 * kinds (a loyalty card, an employee number): they are written as a {@linkplain #validKey key} and matched by
 * connectors only. Every module names the built-in kinds with this enum and its {@link #key()}; none defines its own.
 */
public enum IdentifierKind {
    EMAIL("email"),
    PHONE("phone"),
    CUSTOMER("customerNumber"),
    VISITOR("visitor");

    /** An organization-defined kind as a data map writes it: a lower camel-case word, e.g. {@code loyaltyCard}. */
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

    private final String key;

    IdentifierKind(String key) {
        this.key = key;
    }

    /** The name data maps, connectors and request bodies use: {@code email}, {@code phone}, {@code customerNumber}. */
    public String key() {
        return key;
    }

    /**
     * The domain label of this kind's keyed digest ({@link KeyedDigest#digest(SubjectIdentifier)}): the lower-case
     * name, so that equal values of different kinds never share a digest. One scheme in every module.
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The built-in kind a data map key names, if any; an organization-defined key has none. */
    public static Optional<IdentifierKind> fromKey(String key) {
        for (var kind : values()) {
            if (kind.key.equals(key)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The built-in kind a {@code kind:value} prefix names (its label, any case), if any. */
    static Optional<IdentifierKind> fromLabel(String label) {
        for (var kind : values()) {
            if (kind.label().equalsIgnoreCase(label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Whether the text is a well-formed identifier kind key, built-in or organization-defined. */
    public static boolean validKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }
}
