package ca.gardien.assessments;

import ca.gardien.shared.PdfDocuments;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The printable report of an assessment, in French or English, as well-formed XHTML and PDF: the data-map item it
 * covers, every question with its answer (marked when pre-filled from the data map), the risks with their ratings, the
 * measures with owners and due dates, and each step: consultation, review, decision.
 */
@Component
class AssessmentReport {

    private final Templates templates;
    private final MessageSource messages;
    private final RiskScale scale;
    private final ca.gardien.organization.AccountViews accounts;
    private final ItemNames items;
    private final ca.gardien.organization.OrganizationTime time;

    AssessmentReport(
            Templates templates,
            MessageSource messages,
            RiskScale scale,
            ca.gardien.organization.AccountViews accounts,
            ItemNames items,
            ca.gardien.organization.OrganizationTime time) {
        this.items = items;
        this.time = time;
        this.templates = templates;
        this.messages = messages;
        this.scale = scale;
        this.accounts = accounts;
    }

    /** Who took a step, as a person reads it: the account's display name, or the system. */
    String who(String by, Locale locale) {
        if (by == null) {
            return "";
        }
        if (by.startsWith("account:")) {
            try {
                return accounts.nameOf(java.util.UUID.fromString(by.substring("account:".length())))
                        .orElse(text("assessments.report.account", locale));
            } catch (IllegalArgumentException notAnId) {
                return text("assessments.report.account", locale);
            }
        }
        return text("assessments.report.someone", locale);
    }

    String html(Assessment a, Locale locale) {
        var t = templates.get(a.templateId());
        var out = new StringBuilder();
        var title = a.title();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(e(title))
                .append("</title><style>body{font-family:sans-serif;font-size:10pt}dt{font-weight:bold;margin-top:6pt}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:3pt;")
                .append("text-align:left;vertical-align:top}</style></head><body><h1>")
                .append(e(title))
                .append("</h1><p>")
                .append(e(text(
                        "assessments.report.template",
                        locale,
                        t.title().in(locale),
                        ca.gardien.shared.LegalCitations.words(t.law()),
                        a.templateVersion())))
                .append("</p><p>")
                .append(e(text("assessments.report.version", locale, a.version())))
                .append("</p><p>")
                .append(e(text("assessments.report.status", locale, text("assessments.status." + a.status(), locale))))
                .append("</p><h2>")
                .append(e(text("assessments.report.covers", locale)))
                .append("</h2><p>")
                .append(e(a.item() == null ? text("assessments.report.no-item", locale) : items.name(a.item(), locale)))
                .append("</p>");
        for (var section : t.sections()) {
            out.append("<h2>").append(e(section.title().in(locale))).append("</h2><dl>");
            for (var q : section.questions()) {
                var answer = a.answers().get(q.id());
                out.append("<dt>").append(e(q.label().in(locale))).append("</dt><dd>");
                if (answer == null) {
                    out.append(e(text("assessments.report.unanswered", locale)));
                } else if (answer.prefilled()) {
                    prefilled(shown(q, answer.in(locale), locale), locale, out);
                } else {
                    out.append(e(shown(q, answer.in(locale), locale)).replace("\n", "<br/>"));
                }
                out.append("</dd>");
            }
            out.append("</dl>");
        }
        risks(a, locale, out);
        measures(a, locale, out);
        steps(a, locale, out);
        return PdfDocuments.xmlSafe(out.append("</body></html>").toString());
    }

    /**
     * A pre-filled answer, said once for the whole answer: before its only line, or before the list of its lines (one
     * line each system, category or third party the map gives); the mark after the last line read as its alone.
     */
    private void prefilled(String answer, Locale locale, StringBuilder out) {
        out.append("<em>")
                .append(e(text("assessments.report.prefilled", locale)))
                .append("</em>");
        var lines = answer.lines().filter(l -> !l.isBlank()).toList();
        if (lines.size() == 1) {
            out.append(' ').append(e(lines.getFirst()));
            return;
        }
        out.append("<ul>");
        lines.forEach(l -> out.append("<li>").append(e(l)).append("</li>"));
        out.append("</ul>");
    }

    /** An answer as a person reads it: a choice's label, yes or no in words. */
    String shown(Template.Question q, String value, Locale locale) {
        return switch (q.type()) {
            case "yes-no" -> text("assessments.answer." + value, locale);
            case "choice" ->
                q.choices().stream()
                        .filter(c -> c.id().equals(value))
                        .map(c -> c.label().in(locale))
                        .findFirst()
                        .orElse(value);
            default -> value;
        };
    }

    private void risks(Assessment a, Locale locale, StringBuilder out) {
        out.append("<h2>").append(e(text("assessments.report.risks", locale))).append("</h2>");
        if (a.risks().isEmpty()) {
            out.append("<p>").append(e(text("assessments.report.none", locale))).append("</p>");
            return;
        }
        out.append("<table><tr><th>")
                .append(e(text("assessments.risk.description", locale)))
                .append("</th><th>")
                .append(e(text("assessments.risk.rating", locale)))
                .append("</th><th>")
                .append(e(text("assessments.risk.residual", locale)))
                .append("</th></tr>");
        for (var r : a.risks()) {
            out.append("<tr><td>")
                    .append(e(r.description()))
                    .append("</td><td>")
                    .append(e(scale.describe(r.likelihood(), r.severity(), locale)))
                    .append("</td><td>")
                    .append(e(scale.describe(r.residualLikelihood(), r.residualSeverity(), locale)))
                    .append("</td></tr>");
        }
        out.append("</table>");
    }

    private void measures(Assessment a, Locale locale, StringBuilder out) {
        out.append("<h2>")
                .append(e(text("assessments.report.measures", locale)))
                .append("</h2>");
        if (a.measures().isEmpty()) {
            out.append("<p>").append(e(text("assessments.report.none", locale))).append("</p>");
            return;
        }
        out.append("<table><tr><th>")
                .append(e(text("assessments.measure.kind", locale)))
                .append("</th><th>")
                .append(e(text("assessments.measure.description", locale)))
                .append("</th><th>")
                .append(e(text("assessments.measure.owner", locale)))
                .append("</th><th>")
                .append(e(text("assessments.measure.due-on", locale)))
                .append("</th><th>")
                .append(e(text("assessments.measure.done-on", locale)))
                .append("</th></tr>");
        for (var m : a.measures()) {
            out.append("<tr><td>")
                    .append(e(text("assessments.measure-kind." + m.kind(), locale)))
                    .append("</td><td>")
                    .append(e(m.description()))
                    .append("</td><td>")
                    .append(e(m.owner()))
                    .append("</td><td>")
                    .append(m.dueOn())
                    .append("</td><td>")
                    .append(m.doneOn() == null ? "—" : m.doneOn().toString())
                    .append("</td></tr>");
        }
        out.append("</table>");
    }

    private void steps(Assessment a, Locale locale, StringBuilder out) {
        out.append("<h2>")
                .append(e(text("assessments.report.approvals", locale)))
                .append("</h2><dl>");
        step(
                out,
                text("assessments.step.consulted", locale),
                a.consultedOn(),
                who(a.consultedBy(), locale),
                a.consultationNote());
        step(
                out,
                text("assessments.step.reviewed", locale),
                a.reviewedAt() == null ? null : time.day(a.reviewedAt()),
                who(a.reviewedBy(), locale),
                a.reviewNote());
        step(
                out,
                text(
                        a.status() == AssessmentStatus.REJECTED
                                ? "assessments.step.rejected"
                                : AssessmentViews.decided(a) || a.decidedAt() == null
                                        ? "assessments.step.approved"
                                        : "assessments.step.previous-rejection",
                        locale),
                a.decidedAt() == null ? null : time.day(a.decidedAt()),
                who(a.decidedBy(), locale),
                a.decisionReasons());
        out.append("</dl>");
        if (a.documentSha256() != null) {
            out.append("<p>")
                    .append(e(text("assessments.report.sha256", locale, a.documentSha256())))
                    .append("</p>");
        }
    }

    private void step(StringBuilder out, String name, Object on, String by, String note) {
        out.append("<dt>").append(e(name)).append("</dt><dd>");
        out.append(on == null ? "—" : e(on + " · " + by + (note == null ? "" : " · " + note)));
        out.append("</dd>");
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String e(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
