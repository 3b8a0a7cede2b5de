package ca.gardien.retention;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The retention tile of the dashboard: rules whose dry run awaits approval, runs sweeping or paused, runs failed,
 * active legal holds, and anonymizing rules whose risk analysis is overdue for its periodic update. The person in
 * charge, delegates and auditors see it.
 */
@Component
class RetentionTile implements ProgramTile {

    static final String PAGE = "/console/retention";
    static final String REGISTER = PAGE + "/anonymizations";

    private final RetentionSchedules schedules;
    private final RetentionRuns runs;
    private final RetentionHolds holds;
    private final RetentionReassessments reassessments;

    RetentionTile(
            RetentionSchedules schedules,
            RetentionRuns runs,
            RetentionHolds holds,
            RetentionReassessments reassessments) {
        this.schedules = schedules;
        this.runs = runs;
        this.holds = holds;
        this.reassessments = reassessments;
    }

    @Override
    public int order() {
        return 480;
    }

    @Override
    public Optional<Tile> tileFor(Viewer viewer) {
        if (!viewer.holds(Role.PRIVACY_OFFICER) && !viewer.holds(Role.DELEGATE) && !viewer.holds(Role.AUDITOR)) {
            return Optional.empty();
        }
        var kept = schedules.all().stream().filter(s -> !s.tables().isEmpty()).toList();
        var awaiting =
                kept.stream().filter(s -> runs.awaitingApproval(s.rule().id())).toList();
        var latest = kept.stream()
                .flatMap(s -> runs.latest(s.rule().id(), 1).stream())
                .toList();
        long sweeping = latest.stream().filter(r -> !r.finished()).count();
        long failed = latest.stream()
                .filter(r -> r.status() == RetentionRun.Status.FAILED)
                .count();
        var awaitingLink = awaiting.size() == 1
                ? PAGE + "#rule-" + awaiting.getFirst().rule().id()
                : PAGE;
        var overdue = reassessments.overdue();
        var overdueLink =
                overdue.size() == 1 ? PAGE + "#rule-" + overdue.getFirst().rule() : REGISTER;
        return Optional.of(new Tile(
                "retention.tile.title",
                PAGE,
                List.of(
                        Figure.alertWhenAny("retention.tile.awaiting", awaiting.size(), awaitingLink),
                        Figure.of("retention.tile.sweeping", sweeping, PAGE),
                        Figure.alertWhenAny("retention.tile.failed", failed, PAGE),
                        Figure.of("retention.tile.holds", holds.active().size(), PAGE + "#holds"),
                        Figure.alertWhenAny("retention.tile.reassess", overdue.size(), overdueLink),
                        Figure.alertWhenAny(
                                "retention.tile.unassessed",
                                reassessments.unassessed().size(),
                                REGISTER))));
    }
}
