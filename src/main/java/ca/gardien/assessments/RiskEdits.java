package ca.gardien.assessments;

import ca.gardien.shared.NotFoundException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A risk changed or removed while the assessment is still being written (officer's review: a wrong level or a typo
 * stayed and went into the approved report). Like adding one, either step sends a reviewed draft back to be written
 * ({@link AssessmentCopy#redraft}) and is refused once the assessment is approved; the ledger keeps what the risk
 * was rated before (facts {@code assessments.risk-changed}, {@code assessments.risk-removed}).
 */
@Service
class RiskEdits {

    private final Assessments assessments;
    private final AssessmentWork work;
    private final AssessmentStore store;
    private final AssessmentFacts facts;
    private final JdbcClient jdbc;

    RiskEdits(
            Assessments assessments,
            AssessmentWork work,
            AssessmentStore store,
            AssessmentFacts facts,
            JdbcClient jdbc) {
        this.assessments = assessments;
        this.work = work;
        this.store = store;
        this.facts = facts;
        this.jdbc = jdbc;
    }

    @Transactional
    Assessment change(UUID id, UUID riskId, AssessmentWork.NewRisk risk, AssessmentCaller caller) {
        var a = assessments.workable(id, caller);
        var before = risk(a, riskId);
        var after = work.rated(riskId, risk);
        jdbc.sql("UPDATE assessments_risk SET description = ?, likelihood = ?, severity = ?, residual_likelihood = ?,"
                        + " residual_severity = ? WHERE id = ? AND assessment_id = ?")
                .params(
                        after.description(),
                        after.likelihood(),
                        after.severity(),
                        after.residualLikelihood(),
                        after.residualSeverity(),
                        riskId,
                        id)
                .update();
        store.update(new AssessmentCopy(a).redraft().build()); // moves the row on: a concurrent step is refused
        var payload = new java.util.HashMap<>(work.riskFacts(after));
        payload.put("scoreBefore", String.valueOf(before.score()));
        payload.put("residualScoreBefore", String.valueOf(before.residualScore()));
        facts.record("risk-changed", id, caller.actor(), payload);
        return assessments.get(id, caller);
    }

    @Transactional
    Assessment remove(UUID id, UUID riskId, AssessmentCaller caller) {
        var a = assessments.workable(id, caller);
        var before = risk(a, riskId);
        jdbc.sql("DELETE FROM assessments_risk WHERE id = ? AND assessment_id = ?")
                .params(riskId, id)
                .update();
        store.update(new AssessmentCopy(a).redraft().build());
        facts.record("risk-removed", id, caller.actor(), work.riskFacts(before));
        return assessments.get(id, caller);
    }

    private static Assessment.Risk risk(Assessment a, UUID riskId) {
        return a.risks().stream()
                .filter(r -> r.id().equals(riskId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("assessments.object.risk", riskId));
    }
}
