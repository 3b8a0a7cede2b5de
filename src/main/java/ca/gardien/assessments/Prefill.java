package ca.gardien.assessments;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.InformationSystem;
import ca.gardien.inventory.Places;
import ca.gardien.inventory.ProcessingActivity;
import ca.gardien.inventory.Text;
import ca.gardien.inventory.ThirdParty;
import ca.gardien.inventory.Transfer;
import ca.gardien.shared.Language;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The answers the data map already gives for one of its items ({@code transfers/<id>}, {@code systems/<id>},
 * {@code purposes/<id>}): what is involved is read from the processing activities that use the item. Every answer is
 * written in French and in English (names, country names, the words around them), so that it reads in the reader's
 * language; every pre-filled answer stays editable.
 */
final class Prefill {

    static final List<String> SOURCES = List.of(
            "systems",
            "categories",
            "sensitive",
            "purposes",
            "legal-bases",
            "third-parties",
            "hosting",
            "destination",
            "agreement",
            "has-agreement");

    private final DataMap map;
    private final org.springframework.context.MessageSource messages;
    private final Set<String> systems = new LinkedHashSet<>();
    private final Set<String> categories = new LinkedHashSet<>();
    private final Set<String> purposes = new LinkedHashSet<>();
    private final Set<String> bases = new LinkedHashSet<>();
    private final Set<String> parties = new LinkedHashSet<>();
    private Transfer transfer;

    private Prefill(DataMap map, org.springframework.context.MessageSource messages) {
        this.map = map;
        this.messages = messages;
    }

    private String word(Locale locale, String key, Object... args) {
        return messages.getMessage("assessments.prefill." + key, args, locale);
    }

    /** The pre-filled answers of the template's questions for the item, in both languages; none for an item not in the map. */
    static Map<String, Text> answers(
            Template template, DataMap map, String item, org.springframework.context.MessageSource messages) {
        var prefill = new Prefill(map, messages);
        if (item == null || !prefill.read(item)) {
            return Map.of();
        }
        var answers = new LinkedHashMap<String, Text>();
        for (var q : template.questions()) {
            if (q.prefill() != null) {
                var fr = prefill.value(q.prefill(), Language.FRENCH.locale());
                if (fr != null && !fr.isBlank()) {
                    answers.put(q.id(), new Text(fr, prefill.value(q.prefill(), Language.ENGLISH.locale())));
                }
            }
        }
        return answers;
    }

    private boolean read(String item) {
        var slash = item.indexOf('/');
        var list = item.substring(0, Math.max(slash, 0));
        var id = item.substring(slash + 1);
        switch (list) {
            case "transfers" -> {
                transfer = map.transfers().stream()
                        .filter(t -> t.id().equals(id))
                        .findFirst()
                        .orElse(null);
                if (transfer == null) {
                    return false;
                }
                categories.addAll(transfer.categories());
                parties.add(transfer.recipient());
                activities(a -> a.recipients().contains(transfer.recipient()), false);
            }
            case "systems" -> {
                systems.add(id);
                activities(a -> a.systems().contains(id), true);
            }
            case "purposes" -> activities(a -> a.purposes().contains(id), true);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void activities(java.util.function.Predicate<ProcessingActivity> using, boolean withCategories) {
        for (var a : map.processingActivities()) {
            if (using.test(a)) {
                if (withCategories) {
                    categories.addAll(a.categories());
                    parties.addAll(a.recipients());
                }
                systems.addAll(a.systems());
                purposes.addAll(a.purposes());
                bases.add(a.legalBasis());
            }
        }
    }

    private String value(String source, Locale locale) {
        return switch (source) {
            case "systems" -> names(map.systems(), systems, s -> s.name());
            case "categories" ->
                names(
                        map.piCategories(),
                        categories,
                        c -> word(
                                locale,
                                c.sensitive() ? "sensitive" : "not-sensitive",
                                c.name().in(locale)));
            case "sensitive" ->
                map.piCategories().stream().anyMatch(c -> categories.contains(c.id()) && c.sensitive()) ? "yes" : "no";
            case "purposes" -> names(map.purposes(), purposes, p -> p.name().in(locale));
            case "legal-bases" -> names(map.legalBases(), bases, b -> b.name().in(locale));
            case "third-parties" -> names(map.thirdParties(), parties, t -> party(t, locale));
            case "hosting" -> names(map.systems(), systems, s -> hosting(s, locale));
            case "destination" -> transfer == null ? null : Places.name(transfer.destination(), locale, messages);
            case "agreement" -> transfer == null ? null : transfer.agreement();
            case "has-agreement" -> transfer == null ? null : (blank(transfer.agreement()) ? "no" : "yes");
            default -> null;
        };
    }

    /** A third party and its written commitment: its reference and the day it was signed, in words. */
    private String party(ThirdParty t, Locale locale) {
        var c = t.commitment();
        if (c == null || blank(c.reference())) {
            return word(locale, "no-commitment", t.name(locale));
        }
        return blank(c.signedOn())
                ? word(locale, "commitment", t.name(locale), c.reference())
                : word(locale, "commitment-signed", t.name(locale), c.reference(), c.signedOn());
    }

    private String hosting(InformationSystem s, Locale locale) {
        var place = place(s, locale);
        return place == null ? word(locale, "no-hosting", s.name()) : word(locale, "hosting", s.name(), place);
    }

    /**
     * Where a system is hosted, the place said once: its location as written when it names the jurisdiction
     * (« Virginie (États-Unis) »), else followed by it (« Montréal, Québec (Canada) »); in English, where the location
     * has no English form, the jurisdiction's name (as a third party's location). Null when the map says neither.
     */
    private String place(InformationSystem s, Locale locale) {
        var location = blank(s.hostingLocation()) ? null : s.hostingLocation().strip();
        var jurisdiction = blank(s.jurisdiction()) ? null : Places.name(s.jurisdiction(), locale, messages);
        if (location == null || jurisdiction == null) {
            return location == null ? jurisdiction : location;
        }
        var french = Places.namedIn(location, s.jurisdiction(), messages)
                ? location
                : word(locale, "place", location, jurisdiction);
        return Language.of(locale).pick(french, jurisdiction);
    }

    private static <T extends DataMap.Item> String names(List<T> items, Set<String> ids, Function<T, String> name) {
        return items.stream().filter(i -> ids.contains(i.id())).map(name).collect(Collectors.joining("\n"));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
