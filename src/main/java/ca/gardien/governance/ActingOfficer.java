package ca.gardien.governance;

import ca.gardien.ledger.Evidence;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Organization;
import ca.gardien.organization.OrganizationProfile.PersonInCharge;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.PlainText;
import ca.gardien.shared.SubjectIdentifier;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who acts as person in charge now (s. 3.1): the person named in the organization profile, or the recorded substitute
 * while the person in charge is recorded absent; the written delegations; and who may approve a policy. Each record is a
 * ledger fact carrying dates, the scope and the instrument's digest, never the contact details.
 */
@Service
public class ActingOfficer {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Who acts now: the person and whether it is the substitute, with the records behind it. */
    public record Now(PersonInCharge acting, boolean substitute, LocalDate absentUntil, List<OfficerRecord> records) {}

    /** A record as sent: a delegation, the substitute or an absence; fields beyond its kind are ignored. */
    public record NewRecord(
            String name,
            String title,
            String email,
            UUID accountId,
            String scope,
            String part,
            String startsOn,
            String endsOn,
            String documentSha256) {}

    private final OfficerRecords records;
    private final AccountViews accounts;
    private final Organization organization;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ca.gardien.organization.OrganizationTime time;
    private final AbsencePeriods periods;

    ActingOfficer(
            OfficerRecords records,
            AccountViews accounts,
            Organization organization,
            ApplicationEventPublisher events,
            Clock clock,
            ca.gardien.organization.OrganizationTime time,
            AbsencePeriods periods) {
        this.periods = periods;
        this.records = records;
        this.accounts = accounts;
        this.organization = organization;
        this.events = events;
        this.clock = clock;
        this.time = time;
    }

    LocalDate today() {
        return time.today();
    }

    @Transactional(readOnly = true)
    public Now now() {
        var all = records.all();
        var inCharge = organization.profile().map(p -> p.personInCharge()).orElse(null);
        var substitute = OfficerRecords.substitute(all)
                .filter(s -> s.covers(today()))
                .filter(s -> substituteWhoCannotAct(all).isEmpty());
        var absence = substitute.flatMap(s -> OfficerRecords.absenceFor(all, s, today()));
        if (absence.isPresent() && substitute.isPresent()) {
            var s = substitute.get();
            // the organization's privacy contact stays published when the substitute has no address of their own
            // (officer's re-walk: the public page gave no way to reach anyone during an absence)
            var email = s.email() != null ? s.email() : inCharge == null ? null : inCharge.email();
            return new Now(
                    new PersonInCharge(s.name(), s.title(), null, email, inCharge == null ? null : inCharge.phone()),
                    true,
                    absence.get().endsOn(),
                    all);
        }
        return new Now(inCharge, false, null, all);
    }

    /**
     * The substitute designated last among these records when their account is no longer an active delegate: they
     * cannot act (officer's review: the public page still named a disabled substitute), and the console says so.
     */
    Optional<OfficerRecord> substituteWhoCannotAct(List<OfficerRecord> all) {
        return OfficerRecords.substitute(all).filter(s -> s.accountId() != null && !activeDelegate(s.accountId()));
    }

    /** How the caller may approve: as the person in charge, as the substitute during an absence, or not at all. */
    Optional<String> approvesAs(GovernanceCaller caller) {
        if (caller.inCharge()) {
            return Optional.of("person-in-charge");
        }
        if (!caller.roles().contains(Role.DELEGATE) || caller.accountId().isEmpty()) {
            return Optional.empty();
        }
        var all = records.all();
        var substitute = OfficerRecords.substitute(all) // designated from its start date on, not before
                .filter(s -> s.covers(today()) && caller.accountId().get().equals(s.accountId()));
        return substitute
                .flatMap(s -> OfficerRecords.absenceFor(all, s, today()))
                .map(a -> "substitute");
    }

    /** Whether the caller's account is the substitute designated last (from its start date or before it). */
    boolean designatedSubstitute(GovernanceCaller caller, List<OfficerRecord> all) {
        return caller.accountId().isPresent()
                && OfficerRecords.substitute(all)
                        .filter(s -> caller.accountId().get().equals(s.accountId()))
                        .isPresent();
    }

    /** Records what the caller sends, whose right to was checked; a delegate's absence is short. */
    @Transactional
    OfficerRecord record(OfficerRecord.Kind kind, NewRecord body, GovernanceCaller caller) {
        var byPersonInCharge = caller.inCharge();
        var actor = caller.actor();
        var errors = new ArrayList<FieldError>();
        var startsOn = GovernanceText.date(errors, "startsOn", body.startsOn(), true);
        var endsOn = GovernanceText.date(errors, "endsOn", body.endsOn(), kind == OfficerRecord.Kind.ABSENCE);
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(FieldError.of("endsOn", "governance.field.ends-before-start"));
        } else if (kind == OfficerRecord.Kind.ABSENCE && !byPersonInCharge && startsOn != null && endsOn != null) {
            // a delegate cannot hand the function to the substitute for long: the person in charge extends it
            periods.tooLong(startsOn, endsOn).ifPresent(errors::add);
        }
        if (kind != OfficerRecord.Kind.ABSENCE) {
            GovernanceText.WORDS.line(errors, "name", body.name(), 200, true);
            GovernanceText.WORDS.line(errors, "title", body.title(), 200, true);
            GovernanceText.WORDS.line(errors, "email", body.email(), 254, kind == OfficerRecord.Kind.DELEGATION);
            if (!PlainText.saysNothing(body.email()) && SubjectIdentifier.normalizedEmail(body.email()) == null) {
                errors.add(FieldError.of("email", "governance.field.email")); // one email rule for all of Gardien
            }
        }
        if (kind == OfficerRecord.Kind.SUBSTITUTE && body.accountId() == null) {
            errors.add(FieldError.of("accountId", "governance.field.required"));
        } else if (kind == OfficerRecord.Kind.SUBSTITUTE && !activeDelegate(body.accountId())) {
            // only a delegate can act (approve) as the person in charge: anyone else would leave nobody able to act
            errors.add(FieldError.of("accountId", "governance.field.substitute-delegate"));
        }
        if (kind == OfficerRecord.Kind.DELEGATION
                && body.accountId() != null
                && !accounts.isActive(body.accountId(), Role.people().toArray(Role[]::new))) {
            // a delegation may name the delegate's account: it must be one (an unknown id would link to nobody)
            errors.add(FieldError.of("accountId", "governance.field.account-unknown"));
        }
        String part = null; // a part delegated, as it is kept
        if (kind == OfficerRecord.Kind.DELEGATION) {
            if (body.scope() == null || !List.of("WHOLE", "PART").contains(body.scope())) {
                errors.add(FieldError.of("scope", "governance.field.scope"));
            } else if (body.scope().equals("PART")) {
                part = GovernanceText.WORDS.prose(
                        errors, "part", body.part(), 2000, true); // what is delegated: paragraphs
            }
            if (body.documentSha256() == null
                    || !SHA256.matcher(body.documentSha256()).matches()) {
                errors.add(FieldError.of("documentSha256", "governance.field.sha256"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (kind == OfficerRecord.Kind.ABSENCE && !byPersonInCharge) { // nor by absences back to back
            records.lockSubstitutes(); // two recorded at once count each other
            periods.refuseLongerPeriod(startsOn, endsOn, records.all());
        }
        var delegation = kind == OfficerRecord.Kind.DELEGATION;
        var absence = kind == OfficerRecord.Kind.ABSENCE;
        var saved = new OfficerRecord(
                UUID.randomUUID(),
                kind,
                absence ? null : body.accountId(),
                absence ? null : body.name().strip(),
                absence ? null : body.title().strip(),
                absence || body.email() == null ? null : body.email().strip(),
                delegation ? body.scope() : null,
                part == null ? null : part.strip(),
                startsOn,
                endsOn,
                delegation ? body.documentSha256() : null,
                clock.instant(),
                caller.writer());
        records.add(saved);
        var payload = new HashMap<String, String>();
        payload.put("startsOn", startsOn.toString());
        if (endsOn != null) {
            payload.put("endsOn", endsOn.toString());
        }
        if (delegation) {
            payload.put("scope", saved.scope());
            payload.put("documentSha256", saved.documentSha256());
        }
        if (saved.accountId() != null) {
            payload.put("accountId", saved.accountId().toString());
        }
        switch (kind) {
            case DELEGATION -> fact("delegation-recorded", actor, saved, payload);
            case SUBSTITUTE -> fact("substitute-designated", actor, saved, payload);
            case ABSENCE -> fact("absence-recorded", actor, saved, payload);
        }
        return saved;
    }

    private boolean activeDelegate(UUID accountId) {
        return accounts.isActive(accountId, Role.DELEGATE);
    }

    private void fact(String step, Actor actor, OfficerRecord saved, java.util.Map<String, String> payload) {
        events.publishEvent(
                Evidence.of(clock.instant(), actor, "governance." + step, "officer-record", saved.id(), payload));
    }
}
