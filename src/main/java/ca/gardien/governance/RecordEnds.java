package ca.gardien.governance;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a written delegation (s. 3.1) on a day: the delegate left, or the person in charge takes the part back. An end
 * only comes sooner than the one recorded (a later end is a new delegation, with its own signed document), never
 * before the delegation started; the day may be past (the delegate left last week), as the ledger fact
 * {@code governance.delegation-ended} says when it was recorded, by whom, and the end it had before.
 */
@Service
class DelegationEnds {

    /** The end of a delegation as sent: a day, ISO-8601. */
    record End(String endsOn) {}

    private final OfficerRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DelegationEnds(OfficerRecords records, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    OfficerRecord end(UUID id, End body, Actor actor) {
        var delegation = records.find(id)
                .filter(r -> r.kind() == OfficerRecord.Kind.DELEGATION)
                .orElseThrow(() -> new NotFoundException("governance.delegation", id));
        var errors = new ArrayList<FieldError>();
        var endsOn = ActingOfficer.date(errors, "endsOn", body == null ? null : body.endsOn(), true);
        if (endsOn != null && endsOn.isBefore(delegation.startsOn())) {
            errors.add(FieldError.of("endsOn", "governance.field.ends-before-start"));
        } else if (endsOn != null && delegation.endsOn() != null && !endsOn.isBefore(delegation.endsOn())) {
            errors.add(FieldError.of("endsOn", "governance.field.ends-sooner", delegation.endsOn()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!records.endDelegation(id, endsOn)) { // another end, as soon or sooner, was recorded meanwhile
            throw new ConflictException("governance.conflict.delegation-ended");
        }
        var payload = new HashMap<String, String>();
        payload.put("endsOn", endsOn.toString());
        if (delegation.endsOn() != null) {
            payload.put("previousEndsOn", delegation.endsOn().toString());
        }
        events.publishEvent(
                Evidence.of(clock.instant(), actor, "governance.delegation-ended", "officer-record", id, payload));
        return records.find(id).orElseThrow();
    }
}
