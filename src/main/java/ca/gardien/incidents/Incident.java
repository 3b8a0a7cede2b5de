package ca.gardien.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the register of confidentiality incidents, holding every field of s. 7 of the Regulation respecting
 * confidentiality incidents, the kind of incident (s. 3.6), the systems and categories of the data map it touched, the
 * assessment, the notices and the measures.
 */
public record Incident(
        UUID id,
        String title,
        IncidentKind kind,
        IncidentStatus status,
        String piDescription,
        String piUnknownReason,
        String circumstances,
        LocalDate occurredFrom,
        LocalDate occurredTo,
        boolean occurredApproximate,
        OffsetDateTime awareAt,
        Long personsCount,
        boolean personsApproximate,
        List<String> systems,
        List<String> categories,
        RiskAssessment assessment,
        LocalDate caiNoticeOn,
        LocalDate personsNoticeOn,
        boolean publicNotice,
        String publicNoticeReason,
        String noNoticeReason,
        List<Measure> measures,
        LocalDate retainUntil,
        Instant createdAt,
        String createdBy,
        Instant closedAt,
        int version) {

    public Incident {
        systems = List.copyOf(systems);
        categories = List.copyOf(categories);
        measures = List.copyOf(measures);
    }

    /** A risk of serious injury was concluded. */
    public boolean serious() {
        return assessment != null && assessment.serious();
    }

    /** The notices the conclusion requires that have no transmission date yet. */
    public List<RiskAssessment.Notice> unsentNotices() {
        if (assessment == null) {
            return List.of();
        }
        return assessment.requiredNotices().stream()
                .filter(n -> switch (n) {
                    case COMMISSION -> caiNoticeOn == null;
                    case PERSONS -> personsNoticeOn == null && !publicNotice;
                })
                .toList();
    }

    Incident with(IncidentStatus newStatus) {
        return new Incident(
                id,
                title,
                kind,
                newStatus,
                piDescription,
                piUnknownReason,
                circumstances,
                occurredFrom,
                occurredTo,
                occurredApproximate,
                awareAt,
                personsCount,
                personsApproximate,
                systems,
                categories,
                assessment,
                caiNoticeOn,
                personsNoticeOn,
                publicNotice,
                publicNoticeReason,
                noNoticeReason,
                measures,
                retainUntil,
                createdAt,
                createdBy,
                closedAt,
                version);
    }
}
