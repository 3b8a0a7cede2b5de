package ca.gardien.assessments;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The assessments tile of the dashboard: assessments to do (not yet approved) and those with a measure past its due date, each
 * opening the list filtered to them. The
 * person in charge, delegates and auditors count every assessment; staff those assigned to them.
 */
@Component
class AssessmentTile implements ProgramTile {

    static final String LIST = "/console/assessments";

    private final Assessments assessments;
    private final ca.gardien.organization.OrganizationTime time;

    AssessmentTile(Assessments assessments, ca.gardien.organization.OrganizationTime time) {
        this.assessments = assessments;
        this.time = time;
    }

    @Override
    public int order() {
        return 450;
    }

    @Override
    public Optional<Tile> tileFor(Viewer viewer) {
        boolean all = viewer.holdsAny(Role.PRIVACY_OFFICER, Role.DELEGATE, Role.AUDITOR);
        if (!all && !(viewer.holds(Role.STAFF) && viewer.accountId().isPresent())) {
            return Optional.empty();
        }
        var today = time.today();
        var mine = assessments.current().stream()
                .filter(a -> all || viewer.accountId().get().equals(a.assignedTo()))
                .toList();
        long toDo = mine.stream()
                .filter(a -> a.status() != AssessmentStatus.APPROVED)
                .count();
        // assessments with a late measure, as the list filtered to them shows (one row each)
        long late = mine.stream()
                .filter(a -> a.measures().stream().anyMatch(m -> m.lateOn(today)))
                .count();
        return Optional.of(new Tile(
                "assessments.tile.title",
                LIST,
                List.of(
                        Figure.of("assessments.tile.to-do", toDo, LIST + "?status=" + AssessmentConsole.TO_DO),
                        Figure.alertWhenAny(
                                "assessments.tile.late-measures", late, LIST + "?status=" + AssessmentConsole.LATE))));
    }
}
