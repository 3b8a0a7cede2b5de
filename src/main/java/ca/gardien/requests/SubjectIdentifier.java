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

    @Override
    public String toString() {
        return "SubjectIdentifier[" + kind + "]";
    }
}
