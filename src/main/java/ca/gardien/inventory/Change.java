package ca.gardien.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;

/**
 * One difference between the stored map and a document: {@code op} is {@code add}, {@code change} or
 * {@code remove}; {@code path} is {@code <list>/<id>}; {@code fields} names what a change touches; {@code name} is the
 * item's name in both languages (the item as the document has it, or as the map had it when removed), for pages.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Change(
        String op,
        String path,
        String kind,
        String id,
        List<String> fields,
        @JsonIgnore Text name) {

    Change(String op, String kind, DataMap.Item item, List<String> fields) {
        this(
                op,
                kind + "/" + item.id(),
                kind,
                item.id(),
                fields,
                new Text(item.displayName(Locale.FRENCH), item.displayName(Locale.ENGLISH)));
    }

    /** The item as a page names it: by its name in the page's language, by its id when it has none. */
    public String named(Locale locale) {
        var words = name == null ? null : name.in(locale);
        return words == null || words.isBlank() ? id : words;
    }
}
