package ca.gardien.console;

import ca.gardien.inventory.Inventory;
import ca.gardien.inventory.Places;
import ca.gardien.shared.Language;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The fields of a data-map form that take one of a list of values, shown as a choice in words instead of a code to
 * type (officer's reviews: "Type : doit être l'une des valeurs primary, secondary"; a transfer's recipient typed as a
 * third party's identifier, its destination as an ISO 3166 code): kinds from their closed lists, places by their names,
 * a recipient among the map's third parties by its name. The data map's checks refuse anything else all the same.
 */
@Component
class InventoryFormChoices {

    /**
     * A field's values ({@code ""}: none chosen) and their words: by message key prefix ({@code labels}), or as given
     * ({@code words}, by value).
     */
    record Choices(String labels, List<String> values, Map<String, String> words) {

        Choices(String labels, List<String> values) {
            this(labels, values, null);
        }

        Choices(Map<String, String> words) {
            this(null, List.copyOf(words.keySet()), words);
        }
    }

    /** The usual events a retention period counts from, in the order a form offers them. */
    static final List<String> TRIGGERS = List.of(
            "collection",
            "last-activity",
            "last-interaction",
            "inquiry-closed",
            "order-closed",
            "end-of-fiscal-year",
            "end-of-contract",
            "account-closed",
            "consent-withdrawn",
            "hiring-decision",
            "end-of-employment");

    private final Inventory inventory;
    private final MessageSource messages;
    /** The places by language, in the order of their names: some 260 names, sorted once rather than per form shown. */
    private final Map<Language, Map<String, String>> places = new ConcurrentHashMap<>();

    InventoryFormChoices(Inventory inventory, MessageSource messages) {
        this.inventory = inventory;
        this.messages = messages;
    }

    /** The choices of a form of {@code kind}, keeping a value already there that the lists lack (as written). */
    Map<String, Choices> of(String kind, Map<String, String> values, Locale locale) {
        return switch (kind) {
            case "thirdParties" ->
                Map.of(
                        "kind",
                        new Choices("inventory.third-party-kind.", List.of("service-provider", "authority", "partner")),
                        "jurisdiction",
                        places(values.get("jurisdiction"), locale));
            case "systems" -> Map.of("jurisdiction", places(values.get("jurisdiction"), locale));
            case "transfers" ->
                Map.of(
                        "destination",
                        places(values.get("destination"), locale),
                        "recipient",
                        recipients(values.get("recipient")));
            case "purposes" ->
                Map.of(
                        "kind",
                        new Choices("inventory.purpose-kind.", List.of("primary", "secondary")),
                        "cookieCategory",
                        new Choices(
                                "consent.banner.category.",
                                List.of("", "necessary", "preferences", "statistics", "marketing")));
            case "retentionRules" ->
                Map.of(
                        "disposal",
                        new Choices("inventory.disposal.", List.of("destroy", "anonymize")),
                        "trigger",
                        triggers(values.get("trigger"), locale));
            default -> Map.of();
        };
    }

    /** The events Gardien has words for ({@code retention.trigger.*}), and the rule's own when it is another one. */
    private Choices triggers(String current, Locale locale) {
        var words = new LinkedHashMap<String, String>();
        TRIGGERS.forEach(t -> words.put(t, messages.getMessage("retention.trigger." + t, null, locale)));
        return kept(words, current);
    }

    private Choices places(String current, Locale locale) {
        var words = places.computeIfAbsent(Language.of(locale), language -> {
            var all = new LinkedHashMap<String, String>();
            all.put("", messages.getMessage("inventory.choice.none", null, language.locale()));
            all.putAll(Places.choices(language.locale(), messages));
            return Collections.unmodifiableMap(all);
        });
        return kept(words, current);
    }

    private Choices recipients(String current) {
        var words = new LinkedHashMap<String, String>();
        words.put("", ""); // "none chosen" in the page's words
        inventory.current().thirdParties().forEach(t -> words.put(t.id(), t.name()));
        return kept(words, current);
    }

    private static Choices kept(Map<String, String> words, String current) {
        if (current == null || current.isBlank() || words.containsKey(current)) {
            return new Choices(words);
        }
        var with = new LinkedHashMap<>(words);
        with.put(current, current);
        return new Choices(with);
    }
}
