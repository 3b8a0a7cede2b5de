package ca.gardien.incidents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One entry of the register of confidentiality incidents, holding every field of s. 7 of the Regulation respecting
 * confidentiality incidents, the kind of incident (s. 3.6), the systems and categories of the data map it touched, the
 * assessment, the notices and the measures. {@code reference} is the one people quote ("I-2026-00003"); URLs and the
 * API keep the id.
 */
@org.springframework.modulith.NamedInterface("views")
public record Incident(
        UUID id,
        String reference,
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
        Long personsInQuebec,
        boolean personsApproximate,
        List<String> systems,
        List<String> categories,
        RiskAssessment assessment,
        LocalDate caiNoticeOn,
        LocalDate personsNoticeOn,
        boolean publicNotice,
        String publicNoticeReason,
        String noNoticeReason,
        String otherAuthorities,
        List<Measure> measures,
        LocalDate retainUntil,
        Instant createdAt,
        String createdBy,
        UUID assignedTo,
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

    /** Items 7 of the register as recorded: the notice dates, the public notice and the reason for no notice. */
    public NoticeDates notices() {
        return new NoticeDates(
                caiNoticeOn, personsNoticeOn, publicNotice, publicNoticeReason, noNoticeReason, otherAuthorities);
    }

    Incident with(IncidentStatus newStatus) {
        return with(newStatus, assessment, notices(), measures, closedAt, assignedTo);
    }

    Incident withAssessment(RiskAssessment newAssessment) {
        return with(IncidentStatus.ASSESSED, newAssessment, notices(), measures, null, assignedTo);
    }

    Incident withNotices(NoticeDates dates) {
        return with(status, assessment, dates, measures, closedAt, assignedTo);
    }

    Incident withMeasures(List<Measure> newMeasures) {
        return with(status, assessment, notices(), newMeasures, closedAt, assignedTo);
    }

    /** The same entry handled by another account (null: nobody in particular). */
    Incident assigned(UUID account) {
        return with(status, assessment, notices(), measures, closedAt, account);
    }

    Incident closed(Instant at) {
        return with(IncidentStatus.CLOSED, assessment, notices(), measures, at, assignedTo);
    }

    /** A copy with what the workflow changes; the description stays. */
    private Incident with(
            IncidentStatus newStatus,
            RiskAssessment newAssessment,
            NoticeDates dates,
            List<Measure> newMeasures,
            Instant newClosedAt,
            UUID newAssignedTo) {
        return new Incident(
                id,
                reference,
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
                personsInQuebec,
                personsApproximate,
                systems,
                categories,
                newAssessment,
                dates.caiNoticeOn(),
                dates.personsNoticeOn(),
                Boolean.TRUE.equals(dates.publicNotice()),
                dates.publicNoticeReason(),
                dates.noNoticeReason(),
                dates.otherAuthorities(),
                newMeasures,
                retainUntil,
                createdAt,
                createdBy,
                newAssignedTo,
                newClosedAt,
                version);
    }

    /** A copy with a new description (register items 1–5, kind, systems, categories), reopened if it was closed. */
    Incident describedAs(IncidentDetails d, LocalDate newRetainUntil) {
        return new Incident(
                id,
                reference,
                d.title().strip(),
                d.kind(),
                status,
                RiskAssessment.blankToNull(d.piDescription()),
                RiskAssessment.blankToNull(d.piUnknownReason()),
                d.circumstances().strip(),
                d.occurredOn(),
                d.occurredUntil(),
                Boolean.TRUE.equals(d.occurredApproximate()),
                d.awareAt(),
                d.personsCount(),
                d.personsInQuebec(),
                Boolean.TRUE.equals(d.personsApproximate()),
                d.systems() == null
                        ? List.of()
                        : d.systems().stream().distinct().sorted().toList(),
                d.categories() == null
                        ? List.of()
                        : d.categories().stream().distinct().sorted().toList(),
                assessment,
                caiNoticeOn,
                personsNoticeOn,
                publicNotice,
                publicNoticeReason,
                noNoticeReason,
                otherAuthorities,
                measures,
                newRetainUntil,
                createdAt,
                createdBy,
                assignedTo,
                null,
                version);
    }

    /** A new open entry, blank but for who recorded it and when; {@link #describedAs} fills it. */
    static Incident blank(UUID id, String reference, Instant createdAt, String createdBy) {
        return new Incident(
                id,
                reference,
                "",
                null,
                IncidentStatus.OPEN,
                null,
                null,
                "",
                null,
                null,
                false,
                null,
                null,
                null,
                false,
                List.of(),
                List.of(),
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                List.of(),
                null,
                createdAt,
                createdBy,
                null,
                null,
                0);
    }
}
