package ca.gardien.retention;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What each rule-counting figure of the retention tile counts, as the ids of the rules: the tile counts them and the
 * retention page filtered by the same word ({@code ?show=awaiting}) shows exactly those rules, one card each.
 */
@Component
class RetentionFigures {

    /** The filters of the retention page, as written in its address. */
    static final List<String> SHOWN = List.of("awaiting", "sweeping", "failed", "reassess", "unassessed");

    private final RetentionSchedules schedules;
    private final RetentionRuns runs;
    private final RetentionReassessments reassessments;

    RetentionFigures(RetentionSchedules schedules, RetentionRuns runs, RetentionReassessments reassessments) {
        this.schedules = schedules;
        this.runs = runs;
        this.reassessments = reassessments;
    }

    /** The page's filters: the rules' and the holds' (the active holds alone, no rule). */
    static final List<String> FILTERS = java.util.stream.Stream.concat(
                    SHOWN.stream(), java.util.stream.Stream.of("holds"))
            .toList();

    /** The rule lines a filter of the page shows. */
    List<RetentionConsole.RuleLine> shown(List<RetentionConsole.RuleLine> lines, String show) {
        if ("holds".equals(show)) {
            return List.of();
        }
        if (show == null || !SHOWN.contains(show)) {
            return lines;
        }
        var ids = rules(show);
        return lines.stream().filter(r -> ids.contains(r.id())).toList();
    }

    /** The rules a filter of {@link #SHOWN} counts; every rule for anything else. */
    Set<String> rules(String show) {
        var kept = schedules.all().stream().filter(s -> !s.tables().isEmpty()).toList();
        return switch (show == null ? "" : show) {
            case "awaiting" ->
                ids(kept.stream().filter(s -> runs.awaitingApproval(s.rule().id())));
            case "sweeping" -> ids(kept.stream().filter(s -> latest(s, r -> !r.finished())));
            case "failed" -> ids(kept.stream().filter(s -> latest(s, r -> r.status() == RetentionRun.Status.FAILED)));
            case "reassess" ->
                reassessments.overdue().stream()
                        .map(RetentionReassessments.Due::rule)
                        .collect(Collectors.toUnmodifiableSet());
            case "unassessed" -> Set.copyOf(reassessments.unassessed());
            default -> ids(schedules.all().stream());
        };
    }

    private boolean latest(RetentionSchedules.Schedule s, java.util.function.Predicate<RetentionRun> test) {
        return runs.latest(s.rule().id(), 1).stream().anyMatch(test);
    }

    private static Set<String> ids(java.util.stream.Stream<RetentionSchedules.Schedule> schedules) {
        return schedules.map(s -> s.rule().id()).collect(Collectors.toUnmodifiableSet());
    }
}
