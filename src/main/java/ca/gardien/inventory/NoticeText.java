package ca.gardien.inventory;

import ca.gardien.organization.OrganizationProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.springframework.context.MessageSource;

/** The privacy notice as plain text, one statement a line, so that two versions compare line by line. */
final class NoticeText {

    private NoticeText() {}

    /**
     * The notice's text: the data map's sections, then the statements other modules add (s. 8.1, s. 12.1), the rights
     * and the person in charge — everything the public page shows, so that an approved version is the whole notice.
     */
    static String render(
            PrivacyNotice notice,
            List<NoticeStatements.Statement> statements,
            OrganizationProfile profile,
            MessageSource messages,
            Locale locale) {
        var lines = new ArrayList<String>();
        Function<String, String> m = key -> messages.getMessage(key, null, locale);
        // "label : value" in French, "label: value" in English (notice.line)
        BinaryOperator<String> line =
                (label, value) -> messages.getMessage("notice.line", new Object[] {label, value}, locale);
        lines.add(m.apply("notice.title"));
        if (profile != null) {
            lines.add(messages.getMessage("notice.intro", new Object[] {profile.legalName()}, locale));
        }
        section(lines, m.apply("notice.collected"), notice.categories());
        lines.add("");
        lines.add("## " + m.apply("notice.purposes"));
        notice.purposes()
                .forEach(p -> lines.add("- "
                        + line.apply(
                                p.name(),
                                ca.gardien.shared.PlainText.saysNothing(p.description())
                                        ? m.apply("notice.undocumented") // no-break spaces describe nothing
                                        : p.description())));
        for (var a : notice.activities()) {
            lines.add("");
            lines.add("### " + a.name());
            lines.add(line.apply(m.apply("notice.about"), String.join(", ", a.subjects())));
            lines.add(line.apply(m.apply("notice.what"), String.join(", ", a.categories())));
            lines.add(line.apply(
                    m.apply("notice.why"),
                    String.join(
                            ", ",
                            a.purposes().stream()
                                    .map(PrivacyNotice.Activity.Purpose::name)
                                    .toList())));
            lines.add(line.apply(m.apply("notice.source"), a.source()));
            lines.add(line.apply(m.apply("notice.basis"), a.basis()));
            lines.add(line.apply(
                    m.apply("notice.kept"),
                    a.retention() == null ? m.apply("notice.keptUntilPurpose") : a.retention()));
            if (!a.recipients().isEmpty()) {
                lines.add(line.apply(m.apply("notice.sharedWith"), String.join(", ", a.recipients())));
            }
        }
        section(
                lines,
                m.apply("notice.recipients"),
                notice.recipients().stream()
                        .map(r -> r.name() + (r.where() == null ? "" : " (" + r.where() + ")"))
                        .toList());
        if (!notice.outsideQuebec().isEmpty()) {
            lines.add("");
            lines.add("## " + m.apply("notice.outside"));
            lines.add(m.apply("notice.outside.intro"));
            notice.outsideQuebec().forEach(r -> lines.add("- " + r.name() + " — " + r.where()));
        }
        statements.forEach(s -> section(lines, s.heading(), s.items()));
        lines.add("");
        lines.add("## " + m.apply("notice.rights"));
        lines.add(m.apply("notice.rights.text"));
        lines.add(m.apply("notice.complaint"));
        if (profile != null) {
            var p = profile.personInCharge();
            lines.add("");
            lines.add("## " + m.apply("portal.contact.title"));
            // labelled, so that no value starts a line: a name "## …" or "- …" made a heading or an item of the
            // published notice (attacker's review)
            lines.add(line.apply(
                    m.apply("notice.contact.person"),
                    p.name() + ", " + p.title(locale) + " — " + p.email()
                            + (p.phone() == null ? "" : " — " + p.phone())));
        }
        // one statement a line, whatever a value holds: a description's paragraphs read as one, and a line end in a
        // value cannot start a heading or an item of its own in the notice (attacker's review)
        return String.join("\n", lines.stream().map(NoticeText::oneLine).toList()) + "\n";
    }

    static String oneLine(String line) {
        return line.indexOf('\n') < 0 && line.indexOf('\r') < 0
                ? line
                : line.replaceAll("[ \t]*[\r\n]+[ \t]*", " ").stripTrailing();
    }

    private static void section(List<String> lines, String title, List<String> items) {
        lines.add("");
        lines.add("## " + title);
        items.forEach(i -> lines.add("- " + i));
    }
}
