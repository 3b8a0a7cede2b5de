package ca.gardien.assessments;

import ca.gardien.inventory.PiaCoverage;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tells the data map's gap report which items the latest assessment version approved, or rejected and why. */
@Component
class PiaCoverageOfAssessments implements PiaCoverage {

    private final AssessmentStore store;

    PiaCoverageOfAssessments(AssessmentStore store) {
        this.store = store;
    }

    @Override
    public boolean approved(String object) {
        return store.latest(object)
                .filter(a -> a.status() == AssessmentStatus.APPROVED)
                .isPresent();
    }

    @Override
    public Optional<String> rejection(String object) {
        return store.latest(object)
                .filter(a -> a.status() == AssessmentStatus.REJECTED)
                .map(Assessment::decisionReasons);
    }
}
