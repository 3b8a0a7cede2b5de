package ca.gardien.requests;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Locale;
import java.util.regex.Pattern;

/** One identifier a request matches on, normalized (email lower case, phone E.164). Never logged. */
record SubjectIdentifier(IdentifierKind kind, String value) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern CUSTOMER = Pattern.compile("[\\p{Alnum}._-]{1,100}");

    /** The normalized identifier, or {@code null} when the value is not valid for the kind. */
    static SubjectIdentifier of(IdentifierKind kind, String raw, String phoneRegion) {
        if (raw == null) {
            return null;
        }
        var value = raw.strip();
        return switch (kind) {
            case EMAIL -> {
                var lower = value.toLowerCase(Locale.ROOT);
                yield lower.length() <= 254 && EMAIL.matcher(lower).matches()
                        ? new SubjectIdentifier(kind, lower)
                        : null;
            }
            case PHONE -> phone(value, phoneRegion);
            case CUSTOMER -> CUSTOMER.matcher(value).matches() ? new SubjectIdentifier(kind, value) : null;
        };
    }

    private static SubjectIdentifier phone(String value, String region) {
        var util = PhoneNumberUtil.getInstance();
        try {
            var number = util.parse(value, region);
            return util.isValidNumber(number)
                    ? new SubjectIdentifier(
                            IdentifierKind.PHONE, util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** A bullet stands for hidden characters; their number is fixed so that a masked value does not tell the length. */
    static final String HIDDEN = "\u2022\u2022\u2022";

    /**
     * The identifier as an auditor sees it: an email keeps the first character and the domain ({@code a•••@example.test}),
     * a phone its country code and last four digits ({@code +1•••••••0001}), a customer number its first character
     * ({@code C•••}). Null (a purged value) stays null. Least exposure: the reader can tell identifiers apart and check a
     * domain, not reach the person.
     */
    static String masked(IdentifierKind kind, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (kind) {
            case EMAIL -> {
                int at = value.lastIndexOf('@');
                yield at <= 0 ? HIDDEN : value.charAt(0) + HIDDEN + value.substring(at);
            }
            case PHONE -> maskedPhone(value);
            case CUSTOMER -> value.length() < 2 ? HIDDEN : value.charAt(0) + HIDDEN;
        };
    }

    private static String maskedPhone(String e164) {
        var util = PhoneNumberUtil.getInstance();
        var digits = e164.replaceAll("\\D", "");
        if (digits.length() < 8) {
            return HIDDEN;
        }
        String country;
        try {
            country = String.valueOf(util.parse(e164, "ZZ").getCountryCode());
        } catch (NumberParseException e) {
            country = "";
        }
        return "+" + country + "\u2022".repeat(7) + digits.substring(digits.length() - 4);
    }

    @Override
    public String toString() {
        return "SubjectIdentifier[" + kind + "]";
    }
}
