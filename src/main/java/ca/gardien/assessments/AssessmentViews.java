package ca.gardien.assessments;

import ca.gardien.inventory.GapReport;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds the views of assessments in the reader's language. */
@Component
class AssessmentViews {

    private final Templates templates;
    private final RiskScale scale;
    private final AssessmentReport report;
    private final MessageSource messages;
    private final ca.gardien.organization.OrganizationTime time;
    private final GapReport gaps;
    private final ItemNames items;
    private final ca.gardien.inventory.Inventory inventory;

    AssessmentViews(
            Templates templates,
            RiskScale scale,
            AssessmentReport report,
            MessageSource messages,
            ca.gardien.organization.OrganizationTime time,
            GapReport gaps,
            ItemNames items,
            ca.gardien.inventory.Inventory inventory) {
        this.inventory = inventory;
        this.gaps = gaps;
        this.items = items;
        this.templates = templates;
        this.scale = scale;
        this.report = report;
        this.messages = messages;
        this.time = time;
    }

    /** The lines of a list, the data map read once for the items' names. */
    java.util.List<AssessmentView.Summary> summaries(java.util.List<Assessment> list, Locale locale) {
        var map = inventory.current();
        return list.stream().map(a -> summary(a, map, locale)).toList();
    }

    private AssessmentView.Summary summary(Assessment a, ca.gardien.inventory.DataMap map, Locale locale) {
        var today = time.today();
        return new AssessmentView.Summary(
                a.id(),
                a.title(),
                a.status().name(),
                text("assessments.status." + a.status(), locale),
                a.version(),
                a.item(),
                items.name(map, a.item(), locale),
                a.templateId(),
                a.assignedTo(),
                a.measures().stream().filter(m -> m.lateOn(today)).count(),
                a.createdAt());
    }

    AssessmentView view(Assessment a, Locale locale) {
        var t = templates.get(a.templateId());
        var today = time.today();
        var sections = t.sections().stream()
                .map(s -> new AssessmentView.Section(
                        s.id(),
                        s.title().in(locale),
                        s.questions().stream()
                                .map(q -> {
                                    var answer = a.answers().get(q.id());
                                    return new AssessmentView.Question(
                                            q.id(),
                                            q.type(),
                                            q.label().in(locale),
                                            q.choices().stream()
                                                    .map(c -> new AssessmentView.Choice(
                                                            c.id(), c.label().in(locale)))
                                                    .toList(),
                                            answer == null ? null : answer.in(locale),
                                            answer == null ? null : report.shown(q, answer.in(locale), locale),
                                            answer != null && answer.prefilled(),
                                            q.required());
                                })
                                .toList()))
                .toList();
        var risks = a.risks().stream()
                .map(r -> new AssessmentView.Risk(
                        r.id(),
                        r.description(),
                        r.likelihood(),
                        r.severity(),
                        r.score(),
                        scale.level(r.likelihood(), r.severity()),
                        scale.describe(r.likelihood(), r.severity(), locale),
                        r.residualLikelihood(),
                        r.residualSeverity(),
                        r.residualScore(),
                        scale.level(r.residualLikelihood(), r.residualSeverity()),
                        scale.describe(r.residualLikelihood(), r.residualSeverity(), locale)))
                .toList();
        var measures = a.measures().stream()
                .map(m -> new AssessmentView.Measure(
                        m.id(),
                        m.kind(),
                        text("assessments.measure-kind." + m.kind(), locale),
                        m.description(),
                        m.owner(),
                        m.dueOn(),
                        m.doneOn(),
                        m.lateOn(today)))
                .toList();
        return new AssessmentView(
                a.id(),
                a.title(),
                a.status().name(),
                text("assessments.status." + a.status(), locale),
                a.version(),
                a.superseded(),
                a.item(),
                items.name(a.item(), locale),
                a.gapRule(),
                t.id(),
                a.templateVersion(),
                t.title().in(locale),
                messages.getMessage(ca.gardien.shared.LegalCitations.words(t.law()), locale), // in the reader's style
                a.assignedTo(),
                a.assignedTo() == null ? null : report.who("account:" + a.assignedTo(), locale),
                step(a.consultedOn(), report.who(a.consultedBy(), locale), a.consultationNote()),
                step(
                        a.reviewedAt() == null ? null : time.day(a.reviewedAt()),
                        report.who(a.reviewedBy(), locale),
                        a.reviewNote()),
                decided(a) ? decision(a, locale) : null,
                decided(a) ? null : decision(a, locale), // a rejection before the version was reopened
                a.documentSha256(),
                gap(a, locale),
                sections,
                risks,
                measures,
                Assessment.MEASURE_KINDS.stream()
                        .map(k -> new AssessmentView.Choice(k, text("assessments.measure-kind." + k, locale)))
                        .toList(),
                scale.size(),
                nextStep(a, t, locale),
                a.createdAt());
    }

    /**
     * What comes next, and how many required questions are still unanswered while the assessment is being written:
     * approval asks for them (officer's review: they were listed only when approving, after the review).
     */
    private String nextStep(Assessment a, Template t, Locale locale) {
        var open = a.status() == AssessmentStatus.DRAFT
                || a.status() == AssessmentStatus.CONSULTED
                || a.status() == AssessmentStatus.REJECTED;
        var missing =
                open && !a.superseded() ? AnswerChecks.unanswered(t, a, locale).size() : 0;
        var next = text(nextStep(a), locale);
        return missing > 0
                ? next + " " + messages.getMessage("assessments.next.unanswered", new Object[] {missing}, locale)
                : next;
    }

    /** What comes next; a consulted assessment nobody reviews yet is first assigned (the review is the assignee's). */
    private static String nextStep(Assessment a) {
        if (a.superseded()) {
            return "assessments.next.superseded";
        }
        return a.status() == AssessmentStatus.CONSULTED && a.assignedTo() == null
                ? "assessments.next.unassigned"
                : "assessments.next." + a.status();
    }

    private AssessmentView.Gap gap(Assessment a, Locale locale) {
        if (a.item() == null || a.gapRule() == null || a.superseded()) {
            return null;
        }
        return gaps.gaps(locale).stream()
                .filter(g -> g.object().equals(a.item()) && g.rule().equals(a.gapRule()))
                .findFirst()
                .map(g -> new AssessmentView.Gap(g.id(), g.explanation()))
                .orElse(null);
    }

    /** Whether the version's status is its decision; otherwise a decision on the row is a rejection it was reopened after. */
    static boolean decided(Assessment a) {
        return a.status() == AssessmentStatus.APPROVED || a.status() == AssessmentStatus.REJECTED;
    }

    private AssessmentView.Step decision(Assessment a, Locale locale) {
        return step(
                a.decidedAt() == null ? null : time.day(a.decidedAt()),
                report.who(a.decidedBy(), locale),
                a.decisionReasons());
    }

    private static AssessmentView.Step step(LocalDate on, String by, String note) {
        return on == null ? null : new AssessmentView.Step(on.toString(), by, note);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
