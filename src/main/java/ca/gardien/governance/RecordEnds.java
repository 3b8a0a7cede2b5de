package ca.gardien.governance;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends a written delegation (s. 3.1) on a day — the delegate left, or the person in charge takes the part back — or an
 * absence of the person in charge — back sooner than planned, so the substitute stops acting. An end only comes sooner
 * than the one recorded (a later end is a new record: a delegation with its own signed document, another absence),
 * never before the record started — an absence may end the day before it starts, which withdraws it; the day may be past (the delegate left last week), as the ledger fact
 * ({@code governance.delegation-ended}, {@code governance.absence-ended}) says when it was recorded, by whom, and the
 * end it had before.
 */
@Service
class RecordEnds {

    /** The end of a record as sent: a day, ISO-8601. */
    record End(String endsOn) {}

    private final OfficerRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecordEnds(OfficerRecords records, ApplicationEventPublisher events, Clock clock) {
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Ends a delegation (the person in charge's to end) or an absence (whoever may record one ends it); another kind of
     * record with this id is not found. The API and the console both come here, the caller's right checked first.
     */
    @Transactional
    OfficerRecord end(String recordId, OfficerRecord.Kind kind, End body, GovernanceCaller caller) {
        var actor = (kind == OfficerRecord.Kind.ABSENCE ? caller.requireWriter() : caller.requireInCharge()).actor();
        var id = GovernanceCaller.uuid(recordId);
        var word = kind == OfficerRecord.Kind.ABSENCE ? "absence" : "delegation";
        var ending = records.lock(id) // the end it had, as the ledger's previousEndsOn says, even when ends race
                .filter(r -> r.kind() == kind)
                .orElseThrow(() -> new NotFoundException("governance." + word, id));
        var errors = new ArrayList<FieldError>();
        var endsOn = GovernanceText.date(errors, "endsOn", body == null ? null : body.endsOn(), true);
        // an absence may end the day before it starts: withdrawn (it started today, or was planned, and is not taken)
        var earliest = kind == OfficerRecord.Kind.ABSENCE ? ending.startsOn().minusDays(1) : ending.startsOn();
        if (endsOn != null && endsOn.isBefore(earliest)) {
            errors.add(FieldError.of("endsOn", "governance.field.ends-before-start"));
        } else if (endsOn != null && ending.endsOn() != null && !endsOn.isBefore(ending.endsOn())) {
            errors.add(FieldError.of("endsOn", "governance.field." + word + "-ends-sooner", ending.endsOn()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!records.end(id, kind, endsOn)) { // another end, as soon or sooner, was recorded meanwhile
            throw new ConflictException("governance.conflict." + word + "-ended");
        }
        var payload = new HashMap<String, String>();
        payload.put("endsOn", endsOn.toString());
        if (ending.endsOn() != null) {
            payload.put("previousEndsOn", ending.endsOn().toString());
        }
        events.publishEvent(
                Evidence.of(clock.instant(), actor, "governance." + word + "-ended", "officer-record", id, payload));
        return ending.endingOn(endsOn);
    }
}
