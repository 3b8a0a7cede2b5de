package ca.gardien.console;

import ca.gardien.consent.ConsentTerms;
import ca.gardien.ledger.LedgerQuery;
import ca.gardien.requests.RequestStatus;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.Listing;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The ledger searched by words (issue 13): the officer types "consentement retiré" or "withdrawn", not
 * {@code consent.recorded}. Every kind of entry has phrases — its action's words in French and in English, its code,
 * and for consent choices the state chosen — and the words typed find the kinds whose phrases hold all of them, without
 * regard to letter case or accents.
 */
@Component
class LedgerSearchWords {

    private record Entry(LedgerQuery.Kind kind, String phrases) {}

    /** An action's label in one language, normalized, and its code. */
    private record Label(String words, String action) {}

    private final List<Entry> catalog;
    /** Each action's label, as written and normalized, by language, to read the action filter in words. */
    private final java.util.Map<String, java.util.SortedMap<String, String>> labels = new java.util.HashMap<>();
    /** The same labels normalized once, every language's, to read a typed action filter. */
    private final List<Label> normalizedLabels;

    LedgerSearchWords(MessageSource messages, LedgerWords words) {
        var entries = new ArrayList<Entry>();
        var french = Locale.CANADA_FRENCH;
        var english = Locale.CANADA;
        var keys = ledgerKeys();
        var actions = new ArrayList<String>(actionCodes(keys));
        Arrays.stream(RequestStatus.values())
                .map(s -> "requests." + s.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .filter(a -> !actions.contains(a))
                .forEach(actions::add);
        for (var action : actions) {
            for (var locale : List.of(french, english)) {
                labels.computeIfAbsent(
                                locale.getLanguage(),
                                l -> new java.util.TreeMap<>(java.text.Collator.getInstance(locale)))
                        .putIfAbsent(in(words, action, locale), action);
            }
            var phrases = new StringBuilder(action);
            for (var locale : List.of(french, english)) {
                phrases.append(' ').append(in(words, action, locale));
                phrases.append(' ').append(messages.getMessage("ledger.search.also." + action, null, "", locale));
                if (keys.contains("ledger.way." + action)) {
                    phrases.append(' ').append(messages.getMessage("ledger.way." + action, NO_ARGUMENTS, locale));
                }
            }
            entries.add(new Entry(new LedgerQuery.Kind(action, null), normalized(phrases.toString())));
            // each way it may be done ("verified with a code", "proof refused", "handed over by post") finds the
            // entries whose payload holds its last code, arguments left out
            keys.stream()
                    .filter(k -> k.startsWith("ledger.way." + action + "."))
                    .forEach(k -> entries.add(way(messages, action, k)));
        }
        for (var state : ConsentTerms.State.values()) {
            var key = "consent.state." + state.name().toLowerCase(Locale.ROOT);
            var phrases = String.join(
                    " ",
                    in(words, "consent.recorded", french),
                    messages.getMessage(key, null, state.name(), french),
                    in(words, "consent.recorded", english),
                    messages.getMessage(key, null, state.name(), english));
            entries.add(new Entry(
                    new LedgerQuery.Kind("consent.recorded", "\"state\":\"" + state.name() + "\""),
                    normalized(phrases)));
        }
        this.catalog = List.copyOf(entries);
        this.normalizedLabels = labels.values().stream()
                .flatMap(m -> m.entrySet().stream())
                .map(e -> new Label(normalized(e.getKey()), e.getValue()))
                .toList();
    }

    private static final Object[] NO_ARGUMENTS = {"", "", "", ""};

    private static Entry way(MessageSource messages, String action, String key) {
        var code = key.substring(key.lastIndexOf('.') + 1);
        var phrases = String.join(
                " ",
                action,
                messages.getMessage(key, NO_ARGUMENTS, Locale.CANADA_FRENCH),
                messages.getMessage(key, NO_ARGUMENTS, Locale.CANADA));
        return new Entry(new LedgerQuery.Kind(action, "\":\"" + code + "\""), normalized(phrases));
    }

    /**
     * The action a filter names: its code as typed ({@code requests.received}), the code of the action whose words were
     * typed (either language), or of the only action whose words begin with them ("Accusé" for "Accusé de réception
     * envoyé"); null when the words name no single action (the page then searches them as words).
     */
    String actionCode(String typed) {
        if (typed == null) {
            return null;
        }
        if (typed.matches("[a-z0-9-]+(\\.[a-z0-9-]+)+")) {
            return typed;
        }
        var text = normalized(typed);
        var exact =
                normalizedLabels.stream().filter(l -> l.words().equals(text)).findFirst();
        if (exact.isPresent()) {
            return exact.get().action();
        }
        var begun = normalizedLabels.stream()
                .filter(l -> !text.isEmpty() && l.words().startsWith(text))
                .map(Label::action)
                .distinct()
                .toList();
        return begun.size() == 1 ? begun.getFirst() : null;
    }

    /** The actions in words of the page's language, in alphabetical order: the action filter's suggestions. */
    List<String> labels(Locale locale) {
        var own = labels.getOrDefault(locale.getLanguage(), labels.get("fr"));
        return List.copyOf(own.keySet());
    }

    /** The kinds of entry whose phrases hold every word of {@code text}; null when nothing was typed. */
    List<LedgerQuery.Kind> kinds(String text) {
        if (text == null || normalized(text).isBlank()) {
            return null;
        }
        var typed = normalized(text).split("\\s+");
        return catalog.stream()
                .filter(e -> Arrays.stream(typed).allMatch(e.phrases()::contains))
                .map(Entry::kind)
                .toList();
    }

    private static String in(LedgerWords words, String action, Locale locale) {
        var previous = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        try {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(locale);
            return words.action(action);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(previous);
        }
    }

    /** Lower case, without accents, letters, digits, dots and dashes only. */
    static String normalized(String text) {
        var plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}.\\-]+", " ")
                .strip();
    }

    /** The keys of the ledger bundle. */
    private static List<String> ledgerKeys() {
        var props = new Properties();
        try (var in = LedgerSearchWords.class.getResourceAsStream("/i18n/ledger.properties")) {
            if (in != null) {
                props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(props.stringPropertyNames());
    }

    /** The actions the ledger has words for. */
    private static List<String> actionCodes(List<String> keys) {
        return keys.stream()
                .filter(k -> k.startsWith("ledger.action."))
                .map(k -> k.substring("ledger.action.".length()))
                .filter(a -> !a.equals("status") && !a.equals("other"))
                .sorted()
                .toList();
    }

    /**
     * The reference typed as words with no object, in its canonical form: words never find a file (its entries name it
     * by id), so the page searches it as the object (officer's walks: it said to type it in Object, then that it could
     * just do so). Null otherwise.
     */
    /** The ledger page searching {@code reference} as its object, the other filters kept. */
    static String asObject(
            String reference, String action, String actor, String from, String to, String dir, String hide) {
        var filters = new java.util.LinkedHashMap<String, Object>();
        filters.put("action", Listing.search(action));
        filters.put("actor", Listing.search(actor));
        filters.put("object", reference);
        filters.put("from", DateRange.day(from));
        filters.put("to", DateRange.day(to));
        filters.put("dir", dir == null ? null : Listing.ascending(dir) ? "asc" : "desc");
        filters.put("hideConsultations", ListFlag.on(hide) ? "true" : null);
        return ListLinks.href("/console/ledger", filters);
    }

    static String reference(String q, String object) {
        return object == null || object.isBlank() ? ca.gardien.shared.References.parse(q) : null;
    }
}
