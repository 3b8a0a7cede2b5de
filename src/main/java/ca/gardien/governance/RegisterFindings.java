package ca.gardien.governance;

import ca.gardien.inventory.Gap;
import ca.gardien.inventory.GapDecision;
import ca.gardien.inventory.GapSource;
import ca.gardien.inventory.NoticeStatements;
import ca.gardien.inventory.Text;
import ca.gardien.shared.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the registers bring to the data map's outputs: a gap naming s. 9.1 for each setting whose default is not the
 * most private until a reason is recorded, and the notice's statements on the technologies that identify, locate or
 * profile (s. 8.1: with how to turn them on) and on automated decisions (s. 12.1).
 */
@Component
class RegisterFindings implements GapSource, NoticeStatements {

    static final String RULE = "privacy-by-default";

    private final Registers registers;
    private final MessageSource messages;

    RegisterFindings(Registers registers, MessageSource messages) {
        this.registers = registers;
        this.messages = messages;
    }

    @Override
    public List<Gap> gaps(Locale locale) {
        return registers.all().stream()
                .filter(RegisterEntry::gap)
                .map(e -> {
                    var args = new Object[] {e.product(), e.nameFr(), e.defaultValue(), e.mostPrivate()};
                    var argsEn = new Object[] {e.product(), e.nameEn(), e.defaultValue(), e.mostPrivate()};
                    var text = new Text(
                            messages.getMessage("governance.gap.default", args, Language.FRENCH.locale()),
                            messages.getMessage("governance.gap.default", argsEn, Language.ENGLISH.locale()));
                    var object = "registers/" + e.id();
                    return new Gap(
                            RULE,
                            "high",
                            "P-39.1, s. 9.1",
                            text.in(locale),
                            text,
                            object,
                            List.of(),
                            RULE + ":registers:" + e.id(),
                            new GapDecision(GapDecision.OPEN, null, null, null, null));
                })
                .toList();
    }

    @Override
    public List<Statement> statements(Locale locale) {
        var language = Language.of(locale);
        var statements = new ArrayList<Statement>();
        for (var kind : List.of(RegisterEntry.Kind.TECHNOLOGY, RegisterEntry.Kind.DECISION)) {
            var items = registers.all().stream()
                    .filter(e -> e.kind() == kind)
                    .map(e -> e.name(language) + " — " + e.detail(language)) // one line of the notice: NoticeText
                    .toList();
            if (!items.isEmpty()) {
                var key = kind == RegisterEntry.Kind.TECHNOLOGY
                        ? "governance.notice.technologies"
                        : "governance.notice.decisions";
                statements.add(new Statement(messages.getMessage(key, null, locale), items));
            }
        }
        return statements;
    }
}
