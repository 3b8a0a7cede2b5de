package ca.gardien.retention;

import ca.gardien.inventory.Inventory;
import ca.gardien.inventory.RetentionRule;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The schedules the data map declares: each retention rule with the dataset tables kept under it (connector, table,
 * trigger column). A rule with no table is documentation only: it has no run.
 */
@Component
class RetentionSchedules {

    /** One table kept under a rule. */
    record Table(String connector, String table, String triggerColumn) {
        String key() {
            return connector + "/" + table;
        }
    }

    /** A rule and its tables, in the data map's order. */
    record Schedule(RetentionRule rule, List<Table> tables, String annotations) {
        boolean anonymize() {
            return "anonymize".equals(rule.disposal());
        }

        /**
         * What an approval covers: the rule's duration and disposal, its tables with their trigger columns, and every
         * annotation of the datasets they are in (which references are followed decides what a destruction reaches).
         */
        String scope() {
            var text = new StringBuilder(rule.duration() + "\n" + rule.disposal() + "\n" + annotations + "\n");
            tables.stream()
                    .map(t -> t.key() + "#" + t.triggerColumn())
                    .sorted()
                    .forEach(t -> text.append(t).append('\n'));
            return ca.gardien.shared.Digests.sha256Hex(text.toString());
        }

        /** The moment before which a trigger is expired, counting the rule's duration back from today. */
        Instant cutoff(Clock clock, java.time.ZoneId zone) {
            return clock.instant()
                    .atZone(zone)
                    .minus(Period.parse(rule.duration()))
                    .toInstant();
        }
    }

    private final Inventory inventory;

    RetentionSchedules(Inventory inventory) {
        this.inventory = inventory;
    }

    private record Built(long revision, List<Schedule> schedules) {}

    private volatile Built built;

    /** The schedules of the current data map, built once per revision (a sweep checks its scope before each batch). */
    List<Schedule> all() {
        long revision = inventory.revision();
        var last = built;
        if (last != null && last.revision() == revision) {
            return last.schedules();
        }
        var schedules = build();
        built = new Built(revision, schedules);
        return schedules;
    }

    private List<Schedule> build() {
        var map = inventory.current();
        var out = new ArrayList<Schedule>();
        for (var rule : map.retentionRules()) {
            var tables = new ArrayList<Table>();
            for (var dataset : map.datasets()) {
                for (var t : dataset.tables()) {
                    if (rule.id().equals(t.retention()) && t.triggerColumn() != null) {
                        tables.add(new Table(dataset.id(), t.name(), t.triggerColumn()));
                    }
                }
            }
            var connectors = tables.stream().map(Table::connector).collect(java.util.stream.Collectors.toSet());
            var annotations = map.datasets().stream()
                    .filter(d -> connectors.contains(d.id()))
                    .map(Object::toString)
                    .sorted()
                    .collect(java.util.stream.Collectors.joining("\n"));
            out.add(new Schedule(rule, List.copyOf(tables), annotations));
        }
        return List.copyOf(out);
    }

    Schedule get(String ruleId) {
        return all().stream()
                .filter(s -> s.rule().id().equals(ruleId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("retention.object.rule", String.valueOf(ruleId)));
    }
}
