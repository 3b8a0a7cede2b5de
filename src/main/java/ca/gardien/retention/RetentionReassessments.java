package ca.gardien.retention;

import ca.gardien.organization.OrganizationTime;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The periodic update of the re-identification risk analyses (Regulation respecting the anonymization of personal
 * information): each anonymizing rule's latest analysis is to be updated within {@code gardien.retention.reassess-every}
 * of its date — a period the organization chooses, the Regulation setting none. An overdue update is shown, it does
 * not stop a run.
 */
@Component
class RetentionReassessments {

    /** Where a rule's analysis stands: the date of its latest analysis, the day to update it by, and whether passed. */
    record Due(String rule, LocalDate lastAnalysed, LocalDate by, boolean overdue) {}

    private final RetentionSchedules schedules;
    private final RetentionAnonymizations register;
    private final RetentionProperties properties;
    private final OrganizationTime time;
    private final Clock clock;

    RetentionReassessments(
            RetentionSchedules schedules,
            RetentionAnonymizations register,
            RetentionProperties properties,
            OrganizationTime time,
            Clock clock) {
        this.schedules = schedules;
        this.register = register;
        this.properties = properties;
        this.time = time;
        this.clock = clock;
    }

    /** The rule's update, for an anonymizing rule whose entry has an analysis. */
    Optional<Due> of(RetentionSchedules.Schedule schedule) {
        if (!schedule.anonymize()) return Optional.empty();
        return register.find(schedule.rule().id()).flatMap(this::due);
    }

    /** The anonymizing rules whose latest analysis is older than the period. */
    List<Due> overdue() {
        return schedules.all().stream()
                .flatMap(s -> of(s).stream())
                .filter(Due::overdue)
                .toList();
    }

    /**
     * The anonymizing rules whose register entry is not ready, as the register's page says ("À compléter", or recorded
     * for the rule as it was): no entry, an entry without an analysis concluding that the risk is very low, or one of an
     * earlier scope — with or without tables to sweep (officer's walk: a rule of documentation only, without its
     * analysis, was "à compléter" on the register while the tile said every rule had its analysis).
     */
    List<String> unassessed() {
        return schedules.all().stream()
                .filter(s -> s.anonymize() && !register.mayRun(s))
                .map(s -> s.rule().id())
                .toList();
    }

    Optional<Due> due(RetentionAnonymizations.Entry entry) {
        var today = LocalDate.ofInstant(clock.instant(), time.zone());
        return entry.lastAnalysed().map(last -> {
            var by = last.plus(properties.reassessEvery());
            return new Due(entry.rule(), last, by, today.isAfter(by));
        });
    }
}
