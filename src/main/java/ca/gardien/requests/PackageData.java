package ca.gardien.requests;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Language;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The content of the package's {@code data.json}: the information found per system, each id (a system's, a category's,
 * a source's, the request type's) kept for the programs that read them, and beside it its words in the request's
 * language (officer review: the file named {@code accounting}, {@code person}, {@code ACCESS} and nothing else). A
 * system or category the data map no longer names keeps its id as its name. The shape is in docs/requests.md.
 */
@Component
class PackageData {

    private final MessageSource texts;
    private final Supplier<DataMap> map;

    @org.springframework.beans.factory.annotation.Autowired
    PackageData(MessageSource texts, Inventory inventory) {
        this(texts, inventory::current);
    }

    PackageData(MessageSource texts, Supplier<DataMap> map) {
        this.texts = texts;
        this.map = map;
    }

    /** The JSON document, as a map in the order it is written. */
    Map<String, Object> of(
            UUID request, RequestType type, String language, Map<String, List<TaskResult.FoundRecord>> found) {
        // the request's language; French, the organization's, for a request of none or of a language Gardien lacks
        var locale = Language.byCode(language).orElse(Language.FRENCH).locale();
        var current = map.get();
        var systems = current.systemNames();
        var categories = current.categoryNames(locale);
        var data = new LinkedHashMap<String, Object>();
        data.put("request", request.toString());
        data.put("language", locale.getLanguage());
        data.put("type", type.name());
        data.put("typeName", texts.getMessage("crq.type." + type.name(), null, type.name(), locale));
        // the systems' names beside their ids; the records stay under their system's id, as before (additive shape)
        var names = new LinkedHashMap<String, String>();
        var bySystem = new LinkedHashMap<String, List<Map<String, Object>>>();
        found.forEach((system, records) -> {
            names.put(system, systems.getOrDefault(system, system));
            bySystem.put(
                    system,
                    records.stream()
                            .map(r -> record(r, categories.getOrDefault(r.category(), r.category()), locale))
                            .toList());
        });
        data.put("systemNames", names);
        data.put("systems", bySystem);
        return data;
    }

    private Map<String, Object> record(TaskResult.FoundRecord r, String categoryName, Locale locale) {
        var out = new LinkedHashMap<String, Object>();
        out.put("category", r.category());
        out.put("categoryName", categoryName);
        out.put("source", r.source());
        out.put(
                "sourceName",
                r.source() == null
                        ? null
                        : texts.getMessage("rq.found.source." + r.source(), null, r.source(), locale));
        out.put("fields", r.fields());
        return out;
    }
}
