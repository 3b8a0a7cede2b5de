package ca.gardien.retention;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The retention tile of the dashboard: rules whose dry run awaits approval, runs sweeping or paused, runs failed, and
 * active legal holds. The person in charge, delegates and auditors see it.
 */
@Component
class RetentionTile implements ProgramTile {

    static final String PAGE = "/console/retention";

    private final RetentionSchedules schedules;
    private final RetentionRuns runs;
    private final RetentionHolds holds;

    RetentionTile(RetentionSchedules schedules, RetentionRuns runs, RetentionHolds holds) {
        this.schedules = schedules;
        this.runs = runs;
        this.holds = holds;
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
        long awaiting =
                kept.stream().filter(s -> runs.awaitingApproval(s.rule().id())).count();
        var latest = kept.stream()
                .map(s -> runs.list(s.rule().id()).stream().findFirst())
                .flatMap(Optional::stream)
                .toList();
        long sweeping = latest.stream().filter(r -> !r.finished()).count();
        long failed = latest.stream()
                .filter(r -> r.status() == RetentionRun.Status.FAILED)
                .count();
        return Optional.of(new Tile(
                "retention.tile.title",
                PAGE,
                List.of(
                        Figure.alertWhenAny(
                                "retention.tile.awaiting",
                                awaiting,
                                awaiting == 1
                                        ? PAGE + "#rule-"
                                                + kept.stream()
                                                        .filter(s -> runs.awaitingApproval(
                                                                s.rule().id()))
                                                        .findFirst()
                                                        .orElseThrow()
                                                        .rule()
                                                        .id()
                                        : PAGE),
                        Figure.of("retention.tile.sweeping", sweeping, PAGE),
                        Figure.alertWhenAny("retention.tile.failed", failed, PAGE),
                        Figure.of("retention.tile.holds", holds.active().size(), PAGE + "#holds"))));
    }
}
