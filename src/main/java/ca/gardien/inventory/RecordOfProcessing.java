package ca.gardien.inventory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;

/** The record of processing: one row per processing activity, every reference resolved to its name. */
public record RecordOfProcessing(List<Row> rows) {

    public record Row(
            String id,
            String activity,
            List<String> subjects,
            List<String> categories,
            boolean sensitive,
            List<String> purposes,
            String legalBasis,
            String source,
            List<String> systems,
            List<String> recipients,
            List<String> outsideQuebec,
            String retention,
            List<String> accessRoles) {}

    /** The CSV's columns, each headed by {@code record.csv.<column>} in the requested language. */
    static final List<String> COLUMNS = List.of(
            "id",
            "activity",
            "subjects",
            "categories",
            "sensitive",
            "purposes",
            "basis",
            "source",
            "systems",
            "recipients",
            "outside",
            "retention",
            "roles");

    static RecordOfProcessing of(DataMap map, Locale locale, MessageSource messages) {
        var subjects = index(map.subjectCategories());
        var categories = index(map.piCategories());
        var purposes = index(map.purposes());
        var bases = index(map.legalBases());
        var systems = index(map.systems());
        var parties = index(map.thirdParties());
        var rules = index(map.retentionRules());
        var roles = index(map.accessRoles());
        var rows = map.processingActivities().stream()
                .map(a -> new Row(
                        a.id(),
                        a.name().in(locale),
                        names(a.subjects(), id -> subjects.get(id).name().in(locale)),
                        names(a.categories(), id -> categories.get(id).name().in(locale)),
                        a.categories().stream()
                                .anyMatch(id -> categories.get(id).sensitive()),
                        names(a.purposes(), id -> purposes.get(id).name().in(locale)),
                        bases.get(a.legalBasis()).name().in(locale),
                        a.source(),
                        names(a.systems(), id -> systems.get(id).name()),
                        names(a.recipients(), id -> parties.get(id).name(locale)),
                        map.transfers().stream()
                                .filter(t -> a.recipients().contains(t.recipient()))
                                .map(t -> Places.name(t.destination(), locale, messages) + " ("
                                        + parties.get(t.recipient()).name(locale) + ")")
                                .toList(),
                        a.retention() == null
                                ? ""
                                : PrivacyNotice.retention(rules.get(a.retention()), locale, messages),
                        names(a.accessRoles(), id -> roles.get(id).name().in(locale))))
                .toList();
        return new RecordOfProcessing(rows);
    }

    /** RFC 4180 CSV with a header row, yes or no and the source in the requested language. */
    String csv(MessageSource messages, Locale locale) {
        var out = new StringBuilder();
        line(
                out,
                COLUMNS.stream()
                        .map(c -> messages.getMessage("record.csv." + c, null, locale))
                        .toList());
        for (var r : rows) {
            line(
                    out,
                    List.of(
                            r.id(),
                            r.activity(),
                            join(r.subjects()),
                            join(r.categories()),
                            messages.getMessage(r.sensitive() ? "record.yes" : "record.no", null, locale),
                            join(r.purposes()),
                            r.legalBasis(),
                            // the data map's word for the source ("person") as the register says it
                            messages.getMessage("record.source." + r.source(), null, r.source(), locale),
                            join(r.systems()),
                            join(r.recipients()),
                            join(r.outsideQuebec()),
                            r.retention(),
                            join(r.accessRoles())));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append(cells.stream().map(RecordOfProcessing::cell).collect(Collectors.joining(",")))
                .append("\r\n");
    }

    /** A cell quoted and guarded against formulas as every console CSV is ({@link ca.gardien.shared.Listing#quote}). */
    private static String cell(String value) {
        return ca.gardien.shared.Listing.quote(value);
    }

    private static String join(List<String> values) {
        return String.join("; ", values);
    }

    private static List<String> names(List<String> ids, Function<String, String> name) {
        return ids.stream().map(name).toList();
    }

    private static <T extends DataMap.Item> Map<String, T> index(List<T> items) {
        return items.stream().collect(Collectors.toMap(DataMap.Item::id, Function.identity()));
    }
}
