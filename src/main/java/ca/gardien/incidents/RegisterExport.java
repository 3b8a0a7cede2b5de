package ca.gardien.incidents;

import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.PdfDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The register as the Commission may ask for it (s. 3.8): one column per field of s. 7 of the regulation, plus the
 * kind, status and keeping date. Headers and values in the reader's language.
 */
@Component
@org.springframework.modulith.NamedInterface("actions")
public class RegisterExport {

    static final List<String> COLUMNS = List.of(
            "reference",
            "id",
            "title",
            "kind",
            "status",
            "pi-description",
            "circumstances",
            "occurred",
            "aware",
            "persons",
            "risk-elements",
            "serious",
            "cai-notice",
            "persons-notice",
            "public-notice",
            "public-notice-reason",
            "no-notice-reason",
            "measures",
            "retain-until");

    private final MessageSource messages;
    private final OrganizationTime time;

    RegisterExport(MessageSource messages, OrganizationTime time) {
        this.messages = messages;
        this.time = time;
    }

    public String csv(List<Incident> incidents, Locale locale) {
        var out = new StringBuilder();
        out.append(COLUMNS.stream()
                        .map(c -> cell(text("incidents.register." + c, locale)))
                        .collect(Collectors.joining(",")))
                .append("\r\n");
        for (var incident : incidents) {
            out.append(row(incident, locale).stream().map(RegisterExport::cell).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    /** The register as a printable PDF: one section per entry, every column of {@link #COLUMNS} named. */
    public byte[] pdf(List<Incident> incidents, Locale locale) {
        var title = text("incidents.register.document-title", locale);
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(esc(title))
                .append("</title><style>body{font-family:sans-serif;font-size:9pt}dt{font-weight:bold}")
                .append("h2{page-break-before:auto;font-size:12pt}</style></head><body><h1>")
                .append(esc(title))
                .append("</h1>");
        for (var incident : incidents) {
            var values = row(incident, locale);
            // a person reads the time the organization became aware in its zone, not an ISO instant
            values.set(COLUMNS.indexOf("aware"), time.at(incident.awareAt().toInstant(), locale));
            out.append("<h2>")
                    .append(esc(incident.reference() + " — " + incident.title()))
                    .append("</h2><dl>");
            for (int c = 0; c < COLUMNS.size(); c++) {
                out.append("<dt>")
                        .append(esc(text("incidents.register." + COLUMNS.get(c), locale)))
                        .append("</dt><dd>");
                if (COLUMNS.get(c).equals("measures") && !incident.measures().isEmpty()) {
                    listed(out, measureLines(incident, locale));
                } else {
                    out.append(esc(values.get(c).isEmpty() ? "—" : values.get(c)));
                }
                out.append("</dd>");
            }
            out.append("</dl>");
        }
        out.append("</body></html>");
        return PdfDocuments.fromXhtml(PdfDocuments.xmlSafe(out.toString()), messages, locale);
    }

    /**
     * Each item its own paragraph of a list: one paragraph of every measure joined took the renderer minutes to lay out
     * (attacker's review: 292 measures, 154 seconds for the register).
     */
    static void listed(StringBuilder out, List<String> items) {
        out.append("<ul>");
        items.forEach(item -> out.append("<li>").append(esc(item)).append("</li>"));
        out.append("</ul>");
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    /** One entry's values, in the order of {@link #COLUMNS}. */
    List<String> row(Incident i, Locale locale) {
        var a = i.assessment();
        var values = new ArrayList<String>();
        values.add(i.reference());
        values.add(i.id().toString());
        values.add(i.title());
        values.add(
                i.kind() == null
                        ? text("incidents.kind.undetermined", locale)
                        : text("incidents.kind." + i.kind(), locale));
        values.add(text("incidents.status." + i.status(), locale));
        values.add(
                i.piDescription() != null
                        ? i.piDescription()
                        : i.piUnknownReason() == null
                                ? ""
                                : text("incidents.register.pi-unknown", locale, i.piUnknownReason()));
        values.add(i.circumstances());
        values.add(occurred(i, locale));
        values.add(time.iso(i.awareAt().toInstant())); // with the organization's offset, as every CSV
        values.add(number(i.personsCount(), i.personsApproximate(), locale));
        values.add(a == null ? text("incidents.register.not-assessed", locale) : riskElements(a, locale));
        values.add(a == null ? "" : text(a.serious() ? "incidents.yes" : "incidents.no", locale));
        values.add(Objects.toString(i.caiNoticeOn(), ""));
        values.add(Objects.toString(i.personsNoticeOn(), ""));
        values.add(text(i.publicNotice() ? "incidents.yes" : "incidents.no", locale));
        values.add(Objects.toString(i.publicNoticeReason(), ""));
        values.add(Objects.toString(i.noNoticeReason(), ""));
        values.add(String.join(" | ", measureLines(i, locale)));
        values.add(i.retainUntil().toString());
        return values;
    }

    /** The entry's measures, one a line: kind, description, owner and when. */
    List<String> measureLines(Incident i, Locale locale) {
        return i.measures().stream()
                .map(m -> text(
                        "incidents.register.measure",
                        locale,
                        text("incidents.measure-kind." + m.kind(), locale),
                        m.description(),
                        m.owner(),
                        measureDate(m, locale)))
                .toList();
    }

    /**
     * Whether a measure was taken and when, or only planned (officer's review: the register printed a planned day as
     * "date", so a measure never taken read as taken that day).
     */
    private String measureDate(Measure m, Locale locale) {
        if (m.doneOn() != null) {
            return text("incidents.notice.done-on", locale, m.doneOn().toString());
        }
        if (m.dueOn() == null) {
            return text("incidents.register.measure-undated", locale);
        }
        return text(
                m.late(time.today()) ? "incidents.register.measure-late" : "incidents.notice.due-on",
                locale,
                m.dueOn().toString());
    }

    /** A number of persons as the register and the notices give it: unknown, approximate ("about 120") or exact. */
    String number(Long persons, boolean approximate, Locale locale) {
        if (persons == null) {
            return text("incidents.register.unknown", locale);
        }
        return approximate ? text("incidents.register.approximately", locale, persons.toString()) : persons.toString();
    }

    String occurred(Incident i, Locale locale) {
        var period = i.occurredTo() == null || i.occurredTo().equals(i.occurredFrom())
                ? i.occurredFrom().toString()
                : text(
                        "incidents.register.period",
                        locale,
                        i.occurredFrom().toString(),
                        i.occurredTo().toString());
        return i.occurredApproximate() ? text("incidents.register.approximately", locale, period) : period;
    }

    String riskElements(RiskAssessment a, Locale locale) {
        return String.join(" | ", riskLines(a, locale));
    }

    /** The elements of the assessment, one a line: each factor with its level and reasoning, the consultation. */
    List<String> riskLines(RiskAssessment a, Locale locale) {
        var parts = new ArrayList<String>();
        parts.add(text(
                "incidents.register.factor",
                locale,
                text("incidents.factor.sensitivity", locale),
                text("incidents.factor-level.sensitivity." + a.sensitivity(), locale),
                a.sensitivityReason()));
        parts.add(text(
                "incidents.register.factor",
                locale,
                text("incidents.factor.consequences", locale),
                text("incidents.factor-level.consequences." + a.consequences(), locale),
                a.consequencesReason()));
        parts.add(text(
                "incidents.register.factor",
                locale,
                text("incidents.factor.likelihood", locale),
                text("incidents.factor-level.likelihood." + a.likelihood(), locale),
                a.likelihoodReason()));
        if (a.illIntentionedUses() != null) {
            parts.add(text("incidents.register.ill-uses", locale, a.illIntentionedUses()));
        }
        parts.add(text("incidents.register.consulted", locale, a.consultedOn().toString(), a.consultationNote()));
        if (a.overridden()) {
            parts.add(text("incidents.register.override", locale, a.overrideReason()));
        }
        return parts;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** RFC 4180 quoting; a leading = + - @ is neutralized so that a spreadsheet does not run it as a formula. */
    static String cell(String value) {
        return ca.gardien.shared.Listing.quote(value); // one guard against spreadsheet formulas for every export
    }
}
