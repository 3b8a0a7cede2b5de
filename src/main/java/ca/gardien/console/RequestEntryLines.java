package ca.gardien.console;

import ca.gardien.requests.RequestType;
import ca.gardien.requests.RequestViews;
import ca.gardien.shared.FormSteps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * What the officer entry form ({@link RequestEntryPage}) shows in words: the error summary's "label : message" lines,
 * in the page's order, and the request types grouped by the jurisdictions under which they may be asked.
 */
final class RequestEntryLines {

    private RequestEntryLines() {}

    /** The label of each field, in the order the page shows them ({@code person}: the person's identifiers). */
    private static final String[][] LABELS = {
        {"type", "rq.type"},
        {"channel", "rq.channel"},
        {"receivedOn", "crq.entry.receivedOn"},
        {"jurisdiction", "rq.jurisdiction"},
        {"language", "rq.answerLanguage"},
        {"details", "rq.details"},
        {"person", "crq.entry.person.identifiers"},
        {"email", "rq.kind.EMAIL"},
        {"phone", "rq.kind.PHONE"},
        {"customerNumber", "rq.kind.CUSTOMER"},
        {"name", "crq.addressee.name"},
        {"postalAddress", "crq.addressee.postalAddress"},
        {"representative", "crq.entry.representative"},
        {"representativeDocument", "crq.entry.document"},
        {"letter", "crq.entry.letter.file"}
    };

    /** Types that may be asked under the same jurisdictions ({@code label}: those jurisdictions, in words). */
    record TypeGroup(String label, List<RequestType> types) {}

    /**
     * Each error as "label : message" (ConsoleSteps' lines), by field, in the page's order; the whole form's ({@code
     * form}) first, as its message alone.
     */
    static Map<String, String> lines(Map<String, String> errors, MessageSource messages, Locale locale) {
        var lines = new LinkedHashMap<String, String>();
        if (errors.containsKey("form")) {
            lines.put("form", errors.get("form"));
        }
        for (var label : LABELS) {
            if (errors.containsKey(label[0])) {
                lines.put(label[0], FormSteps.named(label[1], errors.get(label[0]), messages, locale));
            }
        }
        errors.forEach(lines::putIfAbsent); // a field the page does not name: its message alone
        return lines;
    }

    /** The types grouped by the jurisdictions that offer them: all of them, then those only some offer (erasure). */
    static List<TypeGroup> typeGroups(RequestViews views, MessageSource messages, Locale locale) {
        var groups = new LinkedHashMap<List<String>, List<RequestType>>();
        for (var type : RequestType.values()) {
            groups.computeIfAbsent(views.jurisdictionsOffering(type), j -> new ArrayList<>())
                    .add(type);
        }
        var all = views.jurisdictions();
        return groups.entrySet().stream()
                .map(g -> new TypeGroup(
                        g.getKey().equals(all)
                                ? messages.getMessage("crq.entry.types.all", null, locale)
                                : messages.getMessage(
                                        "crq.entry.types.only",
                                        new Object[] {words(g.getKey(), messages, locale)},
                                        locale),
                        g.getValue()))
                .toList();
    }

    private static String words(List<String> jurisdictions, MessageSource messages, Locale locale) {
        return String.join(
                ", ",
                jurisdictions.stream()
                        .map(j -> messages.getMessage("rq.jurisdiction." + j, null, j, locale))
                        .toList());
    }
}
