package ca.gardien.assessments;

import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of an assessment: the consultation of the person in charge (s. 3.3, from the outset), the review by the
 * assigned staff member, and the decision of the person in charge or a delegate with reasons. An approved version is
 * frozen and the SHA-256 of its French report goes to the ledger; a rejected one keeps its gap with the reasons.
 */
@Service
class AssessmentWorkflow {

    private final Assessments assessments;
    private final AssessmentStore store;
    private final AssessmentFacts facts;
    private final AssessmentReport report;
    private final Templates templates;
    private final Clock clock;
    private final ca.gardien.organization.OrganizationTime time;

    AssessmentWorkflow(
            Assessments assessments,
            AssessmentStore store,
            AssessmentFacts facts,
            AssessmentReport report,
            Templates templates,
            Clock clock,
            ca.gardien.organization.OrganizationTime time) {
        this.assessments = assessments;
        this.store = store;
        this.facts = facts;
        this.report = report;
        this.templates = templates;
        this.clock = clock;
        this.time = time;
    }

    /** The earliest day a consultation is taken for: an older one is a typing slip, not a record. */
    static final LocalDate EARLIEST_CONSULTATION = LocalDate.of(2000, 1, 1);

    /** Records that the person in charge was consulted, on which day and what they said. */
    @Transactional
    Assessment consult(UUID id, LocalDate consultedOn, String note, AssessmentCaller caller) {
        var a = assessments.workable(id, caller);
        if (!caller.decides()) {
            throw new AccessDeniedException("assessments");
        }
        var errors = new ArrayList<FieldError>();
        if (consultedOn == null || consultedOn.isAfter(time.today())) {
            errors.add(FieldError.of("consultedOn", "shared.field.not-future"));
        } else if (consultedOn.isBefore(
                EARLIEST_CONSULTATION)) { // 0001-01-01, then 1900, were kept (attacker's reviews)
            errors.add(FieldError.of("consultedOn", "shared.field.date-range", EARLIEST_CONSULTATION, time.today()));
        }
        var text = AssessmentWork.text(note, "note", Assessments.MAX_TEXT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (a.status() != AssessmentStatus.DRAFT) {
            throw new ConflictException("assessments.conflict.step", statusWords(a));
        }
        var copy = new AssessmentCopy(a);
        copy.status = AssessmentStatus.CONSULTED;
        copy.consultedOn = consultedOn;
        copy.consultationNote = text;
        copy.consultedBy = caller.by();
        var saved = copy.build();
        store.update(saved);
        facts.record(
                "consulted",
                id,
                caller.actor(),
                Map.of("consultedOn", consultedOn.toString(), "noteSha256", Digests.sha256Hex(text)));
        return saved;
    }

    /** The review by the assigned staff member (or the person in charge or a delegate when it is assigned to them). */
    @Transactional
    Assessment review(UUID id, String note, AssessmentCaller caller) {
        var a = assessments.workable(id, caller);
        var errors = new ArrayList<FieldError>();
        var text = AssessmentWork.text(note, "note", Assessments.MAX_TEXT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (a.status() != AssessmentStatus.CONSULTED) {
            throw new ConflictException("assessments.conflict.step", statusWords(a));
        }
        if (a.assignedTo() == null) {
            throw new ConflictException("assessments.conflict.unassigned");
        }
        if (!caller.reviews(a.assignedTo())) {
            throw new AccessDeniedException("assessments");
        }
        var copy = new AssessmentCopy(a);
        copy.status = AssessmentStatus.REVIEWED;
        copy.reviewedAt = clock.instant();
        copy.reviewNote = text;
        copy.reviewedBy = caller.by();
        var saved = copy.build();
        store.update(saved);
        facts.record("reviewed", id, caller.actor(), Map.of("noteSha256", Digests.sha256Hex(text)));
        return saved;
    }

    /**
     * Approves or rejects a reviewed assessment, with reasons; the person in charge or a delegate only. Approval needs
     * every required question answered and the conclusion the questionnaire approves only with (s. 17).
     */
    @Transactional
    Assessment decide(UUID id, String decision, String reasons, AssessmentCaller caller, Locale locale) {
        if (!caller.decides()) {
            throw new AccessDeniedException("assessments");
        }
        var a = assessments.workable(id, caller);
        var errors = new ArrayList<FieldError>();
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            errors.add(FieldError.of("decision", "shared.field.one-of", "approve, reject"));
        }
        var text = AssessmentWork.text(reasons, "reasons", Assessments.MAX_TEXT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (a.status() != AssessmentStatus.REVIEWED) {
            throw new ConflictException("assessments.conflict.step", statusWords(a));
        }
        if ("approve".equals(decision)) {
            errors.addAll(AnswerChecks.beforeApproval(templates.get(a.templateId()), a, locale));
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }
        var copy = new AssessmentCopy(a);
        copy.status = "approve".equals(decision) ? AssessmentStatus.APPROVED : AssessmentStatus.REJECTED;
        copy.decidedAt = clock.instant();
        copy.decisionReasons = text;
        copy.decidedBy = caller.by();
        var payload = new HashMap<String, String>();
        payload.put("reasonsSha256", Digests.sha256Hex(text));
        if (a.item() != null) {
            payload.put("item", a.item());
        }
        String document = null;
        if (copy.status == AssessmentStatus.APPROVED) {
            document = report.html(copy.build(), Locale.CANADA_FRENCH);
            copy.documentSha256 = Digests.sha256Hex(document.getBytes(StandardCharsets.UTF_8));
            payload.put("sha256", copy.documentSha256);
            payload.put("version", String.valueOf(a.version()));
        }
        var saved = copy.build();
        store.update(saved);
        if (copy.status == AssessmentStatus.APPROVED) {
            store.keepDocument(id, document);
        }
        facts.record(copy.status == AssessmentStatus.APPROVED ? "approved" : "rejected", id, caller.actor(), payload);
        return saved;
    }

    /** The assessment's status in the reader's words ({@code assessments.status.*}), never the raw value. */
    private static org.springframework.context.support.DefaultMessageSourceResolvable statusWords(Assessment a) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                "assessments.status." + a.status().name());
    }
}
