package ca.gardien.incidents;

import ca.gardien.organization.Organization;
import ca.gardien.organization.OrganizationProfile;
import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.PdfDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The two notices of the regulation, generated from the register entry in French or English as well-formed XHTML
 * (printable) and PDF: the notice to the Commission d'accès à l'information (s. 3) and the notice to the persons
 * concerned (s. 5). Every required field is present; an unknown value says so rather than disappearing.
 */
@Component
class NoticeDocuments {

    /** Which notice. */
    enum Kind {
        COMMISSION,
        PERSONS
    }

    private final MessageSource messages;
    private final Organization organization;
    private final RegisterExport register;
    private final PersonsNoticeLetter letter;
    private final OrganizationTime time;

    NoticeDocuments(
            MessageSource messages,
            Organization organization,
            RegisterExport register,
            PersonsNoticeLetter letter,
            OrganizationTime time) {
        this.time = time;
        this.messages = messages;
        this.organization = organization;
        this.register = register;
        this.letter = letter;
    }

    /** The PDF: its styles inside the document (the renderer reads no stylesheet from the server). */
    byte[] pdf(Kind kind, Incident incident, String personAdvice, Locale locale) {
        return PdfDocuments.fromXhtml( // its pages after the first headed by the incident's reference, as a letter's
                document(kind, incident, personAdvice, locale, "<style>" + PRINT + "</style>"),
                incident.reference(),
                messages,
                locale);
    }

    /**
     * The printable XHTML: its styles in {@code /css/notice.css}, since Gardien's Content-Security-Policy refuses a
     * style written in the page (an officer's walk found the preview unstyled and a console error).
     */
    String html(Kind kind, Incident incident, String personAdvice, Locale locale) {
        return PdfDocuments.xmlSafe(
                document(kind, incident, personAdvice, locale, "<link rel=\"stylesheet\" href=\"/css/notice.css\"/>"));
    }

    /** The notice for the console's preview: the same fields and values as the documents. */
    NoticeView view(Kind kind, Incident incident, String personAdvice, Locale locale) {
        var fields = rows(kind, incident, personAdvice, locale).stream()
                .map(row -> new NoticeView.Field(row[0], lines(row[1])))
                .toList();
        return new NoticeView(
                text(title(kind), locale),
                text("incidents.notice.reference", locale, incident.reference()),
                locale.getLanguage(),
                fields);
    }

    private static final String PRINT =
            "body{font-family:sans-serif;font-size:11pt}dt{font-weight:bold;margin-top:8pt}";

    private static String title(Kind kind) {
        return kind == Kind.COMMISSION ? "incidents.notice.cai.title" : "incidents.notice.persons.title";
    }

    private static List<String> lines(String value) {
        return value == null ? List.of("") : List.of(value.split("\\R"));
    }

    private List<String[]> rows(Kind kind, Incident incident, String personAdvice, Locale locale) {
        var profile = organization.profile().orElse(null);
        return kind == Kind.COMMISSION
                ? commission(incident, profile, locale)
                : persons(incident, personAdvice, profile, locale);
    }

    /** The notice as plain text (the body of the mail to each person): each field's name then its value. */
    String text(Kind kind, Incident incident, String personAdvice, Locale locale) {
        var rows = rows(kind, incident, personAdvice, locale);
        var out = new StringBuilder();
        for (var row : rows) {
            out.append(row[0]).append('\n').append(row[1]).append("\n\n");
        }
        return out.append(text("incidents.notice.reference", locale, incident.reference()))
                .toString();
    }

    /** The notice to the persons is a letter ({@link PersonsNoticeLetter}); the one to the Commission a form. */
    private String document(Kind kind, Incident incident, String personAdvice, Locale locale, String styles) {
        var rows = rows(kind, incident, personAdvice, locale);
        var title = text(title(kind), locale);
        var reference = text("incidents.notice.reference", locale, incident.reference());
        if (kind == Kind.PERSONS) {
            return letter.xhtml(title, reference, rows, locale, styles);
        }
        var out = new StringBuilder();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"/><title>")
                .append(escape(title))
                .append("</title>")
                .append(styles)
                .append("</head><body><h1>")
                .append(escape(title))
                .append("</h1><p>")
                .append(escape(reference))
                .append("</p><dl>");
        rows.forEach(row -> PersonsNoticeLetter.section(out, row));
        out.append("</dl></body></html>");
        return out.toString();
    }

    private List<String[]> commission(Incident i, OrganizationProfile profile, Locale locale) {
        var rows = new ArrayList<String[]>();
        rows.add(row(
                locale,
                "organization",
                profile == null
                        ? text("incidents.notice.profile-missing", locale)
                        : profile.legalName()
                                + " — "
                                + (profile.neq() == null
                                        ? text("incidents.notice.neq-missing", locale)
                                        : "NEQ " + profile.neq())));
        rows.add(row(locale, "contact", contact(profile, locale)));
        rows.add(row(locale, "pi", pi(i, locale)));
        rows.add(row(locale, "circumstances", i.circumstances()));
        rows.add(row(locale, "occurred", register.occurred(i, locale)));
        // the organization's day, not the stored offset's (UTC on PostgreSQL: a late evening read as the next day)
        rows.add(row(locale, "aware", time.day(i.awareAt().toInstant()).toString()));
        rows.add(row(locale, "persons", register.number(i.personsCount(), i.personsApproximate(), locale)));
        rows.add(row(locale, "persons-quebec", register.number(i.personsInQuebec(), i.personsApproximate(), locale)));
        rows.add(row(
                locale,
                "risk",
                i.assessment() == null
                        ? text("incidents.register.not-assessed", locale)
                        : String.join("\n", register.riskLines(i.assessment(), locale))));
        rows.add(row(locale, "notify-persons", PersonsNoticeLine.of(i, messages, locale)));
        rows.add(measures(i, locale, true));
        rows.add(row(
                locale,
                "other-authorities",
                i.otherAuthorities() == null
                        ? text("incidents.notice.other-authorities-none", locale)
                        : i.otherAuthorities()));
        return rows;
    }

    private List<String[]> persons(Incident i, String advice, OrganizationProfile profile, Locale locale) {
        var rows = new ArrayList<String[]>();
        rows.add(row(locale, "pi", pi(i, locale)));
        rows.add(row(locale, "circumstances", i.circumstances()));
        rows.add(row(locale, "occurred", register.occurred(i, locale)));
        rows.add(measures(i, locale, false));
        rows.add(row(
                locale,
                "advice",
                advice == null || advice.isBlank() ? text("incidents.notice.advice-missing", locale) : advice));
        rows.add(row(locale, "contact", contact(profile, locale)));
        return rows;
    }

    private String pi(Incident i, Locale locale) {
        if (i.piDescription() != null) {
            return i.piDescription();
        }
        return i.piUnknownReason() == null
                ? text("incidents.register.unknown", locale)
                : text("incidents.register.pi-unknown", locale, i.piUnknownReason());
    }

    /**
     * The measures' row: its label, the measures one a line, then each measure again, the list a document prints one
     * item each ({@link PersonsNoticeLetter#section}: one paragraph of them all was slow to lay out).
     */
    private String[] measures(Incident i, Locale locale, boolean all) {
        var lines = measureLines(i, locale, all);
        var row = new ArrayList<>(List.of(row(locale, "measures", String.join("\n", lines))));
        row.addAll(lines.size() > 1 ? lines : List.of());
        return row.toArray(String[]::new);
    }

    private List<String> measureLines(Incident i, Locale locale, boolean all) {
        var lines = i.measures().stream()
                .filter(m -> all || m.kind() != MeasureKind.PREVENTION)
                .map(m -> text(
                        "incidents.notice.measure",
                        locale,
                        text("incidents.measure-kind." + m.kind(), locale),
                        m.description(),
                        m.doneOn() != null
                                ? text(
                                        "incidents.notice.done-on",
                                        locale,
                                        m.doneOn().toString())
                                : text("incidents.notice.due-on", locale, Objects.toString(m.dueOn(), ""))))
                .toList();
        return lines.isEmpty() ? List.of(text("incidents.notice.no-measures", locale)) : lines;
    }

    private String contact(OrganizationProfile profile, Locale locale) {
        if (profile == null) {
            return text("incidents.notice.profile-missing", locale);
        }
        var p = profile.personInCharge();
        // the organization named with its person (officer's review: the notice sent to each person never said who
        // wrote)
        return p.name() + ", " + p.title(locale) + ", " + profile.legalName() + " — " + p.email()
                + (p.phone() == null ? "" : " — " + p.phone());
    }

    private String[] row(Locale locale, String field, String value) {
        return new String[] {text("incidents.notice.field." + field, locale), value};
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }
}
