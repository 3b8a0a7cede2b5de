package ca.gardien.consent;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One way a data subject is known, in normalized form: email (lower case), phone (E.164), customer number or anonymous
 * visitor id. Written {@code kind:value}, e.g. {@code email:someone@example.test}. Never logged.
 */
record Identifier(Kind kind, String value) {

    enum Kind {
        EMAIL,
        PHONE,
        CUSTOMER,
        VISITOR;

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern CUSTOMER = Pattern.compile("[\\p{Alnum}._-]{1,100}");
    private static final Pattern VISITOR = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /** Parses {@code kind:value}; {@code null} when it is not a valid identifier. */
    static Identifier parse(String text, String phoneRegion) {
        if (text == null) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon < 1) {
            return null;
        }
        var prefix = text.substring(0, colon).toLowerCase(Locale.ROOT);
        for (var kind : Kind.values()) {
            if (kind.prefix().equals(prefix)) {
                return of(kind, text.substring(colon + 1), phoneRegion);
            }
        }
        return null;
    }

    /** Normalizes a raw value of a known kind; {@code null} when it is not valid. */
    static Identifier of(Kind kind, String raw, String phoneRegion) {
        if (raw == null) {
            return null;
        }
        var value = raw.strip();
        return switch (kind) {
            case EMAIL -> email(value);
            case PHONE -> phone(value, phoneRegion);
            case CUSTOMER -> CUSTOMER.matcher(value).matches() ? new Identifier(kind, value) : null;
            case VISITOR -> VISITOR.matcher(value).matches() ? new Identifier(kind, value) : null;
        };
    }

    private static Identifier email(String value) {
        var lower = value.toLowerCase(Locale.ROOT);
        return lower.length() <= 254 && EMAIL.matcher(lower).matches() ? new Identifier(Kind.EMAIL, lower) : null;
    }

    private static Identifier phone(String value, String region) {
        var util = PhoneNumberUtil.getInstance();
        try {
            var number = util.parse(value, region);
            return util.isValidNumber(number)
                    ? new Identifier(Kind.PHONE, util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "Identifier[" + kind + "]"; // the value is personal information
    }
}
