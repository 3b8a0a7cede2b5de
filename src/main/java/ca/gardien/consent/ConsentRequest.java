package ca.gardien.consent;

import ca.gardien.consent.ConsentTerms.AgeBand;
import ca.gardien.consent.ConsentTerms.Channel;
import ca.gardien.consent.ConsentTerms.GivenBy;
import ca.gardien.consent.ConsentTerms.Kind;
import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.SubjectIdentifier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A consent to record, as the API receives it. {@code dateOfBirth} is used to compute the age band and then dropped.
 * IP address and user agent are hashed before anything is stored.
 */
public record ConsentRequest(
        SubjectIds subject,
        String purpose,
        State state,
        Kind kind,
        GivenBy givenBy,
        Channel channel,
        String noticeVersion,
        LocalDate dateOfBirth,
        AgeBand ageBand,
        Collected evidence,
        Instant validUntil) {

    /** The identifiers the subject is known by; at least one. */
    public record SubjectIds(String email, String phone, String customer, String visitor) {}

    /** How the consent was collected. {@code gpc}: the browser sent a Global Privacy Control signal. */
    public record Collected(String formId, String ip, String userAgent, String language, Boolean gpc) {}

    /** The identifiers, normalized; throws naming every invalid field. */
    List<SubjectIdentifier> validate(String phoneRegion, Instant now) {
        var errors = new ArrayList<FieldError>();
        var ids = identifiers(phoneRegion, errors);
        if (purpose == null || purpose.isBlank()) {
            errors.add(FieldError.of("purpose", "shared.field.required"));
        }
        if (state == null || state == State.EXPIRED) {
            errors.add(FieldError.of("state", "consent.field.state"));
        }
        if (state == State.GRANTED && kind == null) {
            errors.add(FieldError.of("kind", "consent.field.kind-required"));
        }
        if (channel == null) {
            errors.add(FieldError.of("channel", "shared.field.required"));
        }
        if (noticeVersion != null
                && (noticeVersion.isBlank()
                        || noticeVersion.length() > 100
                        || ca.gardien.shared.PlainText.hidesSomething(noticeVersion, false))) {
            // it goes into the ledger entry, which refuses control characters
            errors.add(FieldError.of("noticeVersion", "consent.field.notice-version"));
        }
        if (dateOfBirth != null && !DateRange.contains(dateOfBirth)) {
            errors.add(DateRange.outside("dateOfBirth"));
        } else if (dateOfBirth != null && dateOfBirth.isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))) {
            errors.add(FieldError.of("dateOfBirth", "shared.field.not-future"));
        }
        if (validUntil != null && !DateRange.contains(validUntil)) {
            errors.add(DateRange.outside("validUntil"));
        } else if (validUntil != null && !validUntil.isAfter(now)) {
            errors.add(FieldError.of("validUntil", "shared.field.future"));
        }
        evidenceErrors(errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return ids;
    }

    private List<SubjectIdentifier> identifiers(String phoneRegion, List<FieldError> errors) {
        var ids = new ArrayList<SubjectIdentifier>();
        if (subject == null) {
            errors.add(FieldError.of("subject", "consent.field.subject-identifier"));
            return ids;
        }
        add(ids, errors, "subject.email", IdentifierKind.EMAIL, subject.email(), phoneRegion);
        add(ids, errors, "subject.phone", IdentifierKind.PHONE, subject.phone(), phoneRegion);
        add(ids, errors, "subject.customer", IdentifierKind.CUSTOMER, subject.customer(), phoneRegion);
        add(ids, errors, "subject.visitor", IdentifierKind.VISITOR, subject.visitor(), phoneRegion);
        if (ids.isEmpty() && errors.isEmpty()) {
            errors.add(FieldError.of("subject", "consent.field.subject-identifier"));
        }
        return ids;
    }

    private static void add(
            List<SubjectIdentifier> ids,
            List<FieldError> errors,
            String field,
            IdentifierKind kind,
            String raw,
            String region) {
        if (raw == null) {
            return;
        }
        var id = SubjectIdentifier.of(kind, raw, region);
        if (id == null) {
            errors.add(FieldError.of(field, "consent.field.invalid-identifier", kind.label()));
        } else {
            ids.add(id);
        }
    }

    private void evidenceErrors(List<FieldError> errors) {
        if (evidence == null) {
            return;
        }
        if (evidence.language() != null && !evidence.language().matches("fr|en")) {
            errors.add(FieldError.of("evidence.language", "shared.field.language"));
        }
        if (evidence.formId() != null && !evidence.formId().matches("[\\p{Alnum}._:/-]{1,100}")) {
            errors.add(FieldError.of("evidence.formId", "consent.field.form-id"));
        }
    }

    AgeBand band(Instant now) {
        return dateOfBirth != null
                ? AgeBand.at(dateOfBirth, LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))
                : ageBand;
    }

    Kind kindOrExpress() {
        return kind == null ? Kind.EXPRESS : kind;
    }

    GivenBy givenByOrPerson() {
        return givenBy == null ? GivenBy.PERSON : givenBy;
    }
}
