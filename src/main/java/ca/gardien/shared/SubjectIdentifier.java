package ca.gardien.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.regex.Pattern;

/**
 * One way a data subject is known, in normalized form: email in its one form ({@link EmailAddresses}), phone in E.164 (libphonenumber), customer
 * number and visitor id as given once checked. The only place where Gardien normalizes an email address or a phone
 * number. Written {@code kind:value} in consent APIs, e.g. {@code email:someone@example.test}. Its {@link #toString()}
 * shows the kind only: the value is personal information and is never logged.
 */
public record SubjectIdentifier(IdentifierKind kind, String value) {

    private static final Pattern CUSTOMER = Pattern.compile("[\\p{Alnum}._-]{1,100}");
    private static final Pattern VISITOR = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    /** Parses {@code kind:value} (kind by its label, any case); {@code null} when it is not a valid identifier. */
    public static SubjectIdentifier parse(String text, String phoneRegion) {
        if (text == null) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon < 1) {
            return null;
        }
        return IdentifierKind.fromLabel(text.substring(0, colon))
                .map(kind -> of(kind, text.substring(colon + 1), phoneRegion))
                .orElse(null);
    }

    /**
     * What a person types in a search box: {@code kind:value}, or a plain email address or phone number recognised as
     * such (an officer types the address, not {@code email:} before it); {@code null} when it is none of these.
     */
    public static SubjectIdentifier typed(String text, String phoneRegion) {
        var parsed = parse(text, phoneRegion);
        if (parsed != null || text == null) {
            return parsed;
        }
        var email = email(text.strip());
        return email != null ? email : phone(text.strip(), phoneRegion);
    }

    /**
     * Normalizes a raw value of a kind; {@code null} when it is not valid for the kind. A phone number without a
     * country code is read in {@code phoneRegion} (ISO 3166 code, e.g. {@code CA}).
     */
    public static SubjectIdentifier of(IdentifierKind kind, String raw, String phoneRegion) {
        if (raw == null) {
            return null;
        }
        var value = raw.strip();
        return switch (kind) {
            case EMAIL -> email(value);
            case PHONE -> phone(value, phoneRegion);
            case CUSTOMER -> CUSTOMER.matcher(value).matches() ? new SubjectIdentifier(kind, value) : null;
            case VISITOR -> VISITOR.matcher(value).matches() ? new SubjectIdentifier(kind, value) : null;
        };
    }

    /** The normalized form of an email address ({@link EmailAddresses}), or {@code null} when it is not one. */
    public static String normalizedEmail(String raw) {
        var email = raw == null ? null : email(raw.strip());
        return email == null ? null : email.value();
    }

    /** The address in its one form ({@link EmailAddresses}), or {@code null} when it is none. */
    private static SubjectIdentifier email(String value) {
        var address = EmailAddresses.normalized(value);
        return address == null ? null : new SubjectIdentifier(IdentifierKind.EMAIL, address);
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

    /**
     * A value as a person reads it: a phone number in E.164 with its country code and groups ({@code +1 418-555-0123},
     * officer's review: "+14185550123"); anything else (an email, a masked value) as it is.
     */
    public static String readable(String value) {
        if (value == null || !value.startsWith("+") || value.contains(HIDDEN.substring(0, 1))) {
            return value;
        }
        var util = PhoneNumberUtil.getInstance();
        try {
            var number = util.parse(value, "ZZ");
            return util.isValidNumber(number)
                    ? util.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL)
                    : value;
        } catch (NumberParseException e) {
            return value;
        }
    }

    /** Phone numbers whose texts cost their sender and pay their receiver. */
    private static final java.util.Set<PhoneNumberUtil.PhoneNumberType> COSTLY = java.util.Set.of(
            PhoneNumberUtil.PhoneNumberType.PREMIUM_RATE,
            PhoneNumberUtil.PhoneNumberType.SHARED_COST,
            PhoneNumberUtil.PhoneNumberType.UAN,
            PhoneNumberUtil.PhoneNumberType.PAGER,
            PhoneNumberUtil.PhoneNumberType.VOICEMAIL);

    /**
     * Whether Gardien may send this phone number a text message: not a premium-rate, shared-cost, universal-access,
     * pager or voicemail number, nor one of the international networks that belong to no country (satellite,
     * +881/+882/+883; region {@code 001}) — attacker's review: the portal queued codes to such numbers (SMS pumping).
     * False for any other kind.
     */
    public boolean textable() {
        if (kind != IdentifierKind.PHONE) {
            return false;
        }
        var util = PhoneNumberUtil.getInstance();
        try {
            var number = util.parse(value, "ZZ");
            return !"001".equals(util.getRegionCodeForNumber(number)) && !COSTLY.contains(util.getNumberType(number));
        } catch (NumberParseException e) {
            return false;
        }
    }

    /** A bullet stands for hidden characters; their number is fixed so that a masked value does not tell the length. */
    public static final String HIDDEN = "\u2022\u2022\u2022";

    /** This identifier's value as an auditor sees it ({@link #masked(IdentifierKind, String)}). */
    public String masked() {
        return masked(kind, value);
    }

    /**
     * The identifier as an auditor sees it: an email keeps the first character and the domain ({@code a•••@example.test}),
     * a phone its country code and last four digits ({@code +1•••••••0001}), a customer number or visitor id its first
     * character ({@code C•••}). Null (a purged value) stays null. Least exposure: the reader can tell identifiers apart
     * and check a domain, not reach the person.
     */
    public static String masked(IdentifierKind kind, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return switch (kind) {
            case EMAIL -> {
                int at = value.lastIndexOf('@');
                yield at <= 0 ? HIDDEN : value.charAt(0) + HIDDEN + value.substring(at);
            }
            case PHONE -> maskedPhone(value);
            case CUSTOMER, VISITOR -> value.length() < 2 ? HIDDEN : value.charAt(0) + HIDDEN;
        };
    }

    private static String maskedPhone(String e164) {
        var digits = e164.replaceAll("\\D", "");
        if (digits.length() < 8) {
            return HIDDEN;
        }
        String country;
        try {
            country = String.valueOf(
                    PhoneNumberUtil.getInstance().parse(e164, "ZZ").getCountryCode());
        } catch (NumberParseException e) {
            country = "";
        }
        return "+" + country + "\u2022".repeat(7) + digits.substring(digits.length() - 4);
    }

    @Override
    public String toString() {
        return "SubjectIdentifier[" + kind + ", " + HIDDEN + "]"; // the value is personal information
    }
}
