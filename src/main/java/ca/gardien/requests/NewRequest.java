package ca.gardien.requests;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.SubjectIdentifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A request as submitted: {@code {"type":"ACCESS","subject":{"email":"…","phone":"…","customerNumber":"…"},
 * "jurisdiction":"QC","channel":"API","language":"fr","details":"…"}}. Enumerated fields are text so that a bad value is
 * reported with its field name.
 *
 * @param subjectCategory the data map's subject category (e.g. {@code customer}); every category when absent
 * @param representative {@code PARENT}, {@code TUTOR} or {@code MANDATARY} when someone acts for the person
 * @param receivedAt when a letter or call was received (officer entry only; now when absent)
 * @param addressee the person's name and postal address for an answer by post ({@link Addressee}); none when absent
 */
public record NewRequest(
        String type,
        Subject subject,
        String jurisdiction,
        String channel,
        String language,
        String details,
        String subjectCategory,
        String representative,
        Instant receivedAt,
        Addressee addressee) {

    /** A request without a name or postal address (the portal's, and most of the API's). */
    public NewRequest(
            String type,
            Subject subject,
            String jurisdiction,
            String channel,
            String language,
            String details,
            String subjectCategory,
            String representative,
            Instant receivedAt) {
        this(
                type,
                subject,
                jurisdiction,
                channel,
                language,
                details,
                subjectCategory,
                representative,
                receivedAt,
                null);
    }

    public record Subject(String email, String phone, String customerNumber) {
        @Override
        public String toString() {
            return "Subject[…]";
        }
    }

    static final int MAX_DETAILS = 4000;

    /** The fields in error (never quoting the values) of a request from the portal or the API. */
    List<FieldError> errors(String phoneRegion) {
        return errors(phoneRegion, false);
    }

    /**
     * The fields in error (never quoting the values).
     *
     * @param entered the request was entered by staff from a letter or a call (officer entry): the person's name with a
     *     postal address may then stand for the identifiers ({@link #byPostOnly})
     */
    List<FieldError> errors(String phoneRegion, boolean entered) {
        var errors = new ArrayList<FieldError>();
        if (parse(RequestType.class, type) == null) {
            errors.add(FieldError.of("type", "shared.field.one-of", List.of(RequestType.values())));
        }
        if (parse(RightsRequest.Channel.class, channel) == null) {
            errors.add(FieldError.of("channel", "shared.field.one-of", List.of(RightsRequest.Channel.values())));
        }
        if (language != null && !List.of("fr", "en").contains(language)) {
            errors.add(FieldError.of("language", "shared.field.language"));
        }
        if (details != null && details.length() > MAX_DETAILS) {
            errors.add(FieldError.of("details", "shared.field.too-long", MAX_DETAILS));
        } else if (ca.gardien.shared.PlainText.hidesSomethingInProse(details)) {
            // shown to staff as typed: no control character nor a mark that reverses or hides text (attacker's review)
            errors.add(FieldError.of("details", "shared.field.control-characters"));
        }
        if (representative != null && parse(RightsRequest.Representative.class, representative) == null) {
            errors.add(FieldError.of("representative", "requests.field.representative"));
        }
        errors.addAll(subjectErrors(phoneRegion, entered));
        if (addressee != null) {
            errors.addAll(addressee.errors("addressee."));
        }
        return errors;
    }

    private List<FieldError> subjectErrors(String phoneRegion, boolean entered) {
        if (noIdentifier()) {
            if (entered && byPostOnly()) {
                return List.of();
            }
            return List.of(FieldError.of(
                    "subject",
                    entered ? "requests.field.subject-identifier-or-address" : "requests.field.subject-identifier"));
        }
        var errors = new ArrayList<FieldError>();
        check(errors, "subject.email", IdentifierKind.EMAIL, subject.email(), phoneRegion);
        check(errors, "subject.phone", IdentifierKind.PHONE, subject.phone(), phoneRegion);
        check(errors, "subject.customerNumber", IdentifierKind.CUSTOMER, subject.customerNumber(), phoneRegion);
        var phone = subject.phone() == null
                ? null
                : SubjectIdentifier.of(IdentifierKind.PHONE, subject.phone(), phoneRegion);
        if (!entered && phone != null && !phone.textable()) { // its code goes by text message
            errors.add(FieldError.of("subject.phone", "requests.field.phone-not-textable"));
        }
        return errors;
    }

    private static void check(List<FieldError> errors, String field, IdentifierKind kind, String raw, String region) {
        if (raw != null && SubjectIdentifier.of(kind, raw, region) == null) {
            errors.add(
                    FieldError.of(field, "requests.field.invalid-" + kind.name().toLowerCase(Locale.ROOT)));
        }
    }

    /**
     * A letter that gives no identifier, only the person's name and postal address: accepted from staff alone (the
     * officer entry), who verify the person themselves; no code can be sent, no connector can search, and the answer goes
     * by post.
     */
    boolean byPostOnly() {
        return noIdentifier() && addressee != null && addressee.name() != null && addressee.postalAddress() != null;
    }

    private boolean noIdentifier() {
        return subject == null
                || (subject.email() == null && subject.phone() == null && subject.customerNumber() == null);
    }

    /** The identifiers given, normalized; none for a letter that gives only a name and a postal address. */
    List<SubjectIdentifier> identifiers(String phoneRegion) {
        var list = new ArrayList<SubjectIdentifier>();
        if (subject == null) {
            return list;
        }
        if (subject.email() != null) list.add(SubjectIdentifier.of(IdentifierKind.EMAIL, subject.email(), phoneRegion));
        if (subject.phone() != null) list.add(SubjectIdentifier.of(IdentifierKind.PHONE, subject.phone(), phoneRegion));
        if (subject.customerNumber() != null) {
            list.add(SubjectIdentifier.of(IdentifierKind.CUSTOMER, subject.customerNumber(), phoneRegion));
        }
        return list;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        for (var constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "NewRequest[" + type + ", " + jurisdiction + ", " + channel + "]";
    }
}
