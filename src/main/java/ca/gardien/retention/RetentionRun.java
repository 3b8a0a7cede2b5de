package ca.gardien.retention;

import ca.gardien.connectors.SweptBatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One sweep of every table kept under one retention rule: a dry run counts, a real run destroys or anonymizes. The
 * run is its own checkpoint: the table it is on ({@code tableIndex}), the last key swept there, and the batch whose
 * commit on the target was not yet counted ({@code pending}).
 */
record RetentionRun(
        UUID id,
        String rule,
        String scope,
        boolean dryRun,
        Status status,
        Instant cutoff,
        String requestedBy,
        Instant requestedAt,
        Instant finishedAt,
        long estimated,
        Counts counts,
        int tableIndex,
        List<String> lastKey,
        RetentionRunStore.Pending pending,
        String failure,
        String summarySha256,
        String approvedBy,
        Instant approvedAt,
        long generation) {

    enum Status {
        RUNNING,
        PAUSED,
        COMPLETED,
        FAILED
    }

    /** What a run did (or would do) in one table kept under its rule, children and links included. */
    record TableCount(
            String table,
            long expired,
            Map<String, Long> destroyed,
            Map<String, Long> unlinked,
            long anonymized,
            long held) {

        TableCount {
            destroyed = Map.copyOf(destroyed);
            unlinked = Map.copyOf(unlinked);
        }

        TableCount plus(SweptBatch b) {
            return new TableCount(
                    table,
                    expired,
                    sum(destroyed, b.destroyed()),
                    sum(unlinked, b.unlinked()),
                    anonymized + b.anonymized(),
                    held + b.held());
        }

        TableCount allHeld(long rows) {
            return new TableCount(table, expired, destroyed, unlinked, anonymized, held + rows);
        }

        /** The rule's own rows swept in this table (its children are counted apart). */
        long swept() {
            var own = table.substring(table.indexOf('/') + 1);
            return anonymized
                    + destroyed.entrySet().stream()
                            .filter(e -> e.getKey().equalsIgnoreCase(own))
                            .mapToLong(Map.Entry::getValue)
                            .sum();
        }

        private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
            var out = new LinkedHashMap<>(a);
            b.forEach((k, v) -> out.merge(k, v, Long::sum));
            return out;
        }
    }

    /** The counts of every table of the run, in the data map's order. */
    record Counts(List<TableCount> tables) {

        Counts {
            tables = List.copyOf(tables);
        }

        Counts with(int index, TableCount count) {
            var copy = new ArrayList<>(tables);
            copy.set(index, count);
            return new Counts(copy);
        }

        long swept() {
            return tables.stream().mapToLong(TableCount::swept).sum();
        }

        long held() {
            return tables.stream().mapToLong(TableCount::held).sum();
        }
    }

    /** Rows swept or held so far out of the rows expired when the run started (a dry run's estimate). */
    long done() {
        return counts.swept() + counts.held();
    }

    boolean finished() {
        return status == Status.COMPLETED || status == Status.FAILED;
    }

    RetentionRun with(Counts next, int index, List<String> last) {
        return new RetentionRun(
                id,
                rule,
                scope,
                dryRun,
                status,
                cutoff,
                requestedBy,
                requestedAt,
                finishedAt,
                estimated,
                next,
                index,
                last,
                null,
                failure,
                summarySha256,
                approvedBy,
                approvedAt,
                generation);
    }
}
