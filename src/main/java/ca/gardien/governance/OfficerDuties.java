package ca.gardien.governance;

import ca.gardien.organization.AccountDuties;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts that act for the person in charge (s. 3.1): the substitute designated last, and each delegate whose
 * written delegation has not ended — as named on the accounts page before one of them is disabled.
 */
@Component
class OfficerDuties implements AccountDuties {

    private final OfficerRecords records;
    private final ActingOfficer officer;

    OfficerDuties(OfficerRecords records, ActingOfficer officer) {
        this.records = records;
        this.officer = officer;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, String> duties() {
        var all = records.all();
        var today = officer.today();
        var duties = new HashMap<UUID, String>();
        all.stream()
                .filter(r -> r.kind() == OfficerRecord.Kind.DELEGATION && r.accountId() != null)
                .filter(r -> r.endsOn() == null || !r.endsOn().isBefore(today))
                .forEach(r -> duties.put(r.accountId(), "governance.duty.DELEGATION"));
        OfficerRecords.substitute(all) // the substitute's duty is the weightier: named over a delegation
                .filter(s -> s.accountId() != null
                        && (s.endsOn() == null || !s.endsOn().isBefore(today)))
                .ifPresent(s -> duties.put(s.accountId(), "governance.duty.SUBSTITUTE"));
        return duties;
    }
}
