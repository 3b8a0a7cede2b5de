package ca.gardien.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The whole data map, as it is exported and applied. Every object has a stable string id; objects refer to each other
 * by id. Enumerated values, dates and durations are kept as text so that a document with several mistakes can be
 * reported in full (see {@link DataMapRules}) instead of failing at the first one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
    "subjectCategories",
    "piCategories",
    "purposes",
    "legalBases",
    "retentionRules",
    "systems",
    "thirdParties",
    "accessRoles",
    "processingActivities",
    "transfers",
    "datasets"
})
public record DataMap(
        List<SubjectCategory> subjectCategories,
        List<PiCategory> piCategories,
        List<Purpose> purposes,
        List<LegalBasis> legalBases,
        List<RetentionRule> retentionRules,
        List<InformationSystem> systems,
        List<ThirdParty> thirdParties,
        List<AccessRole> accessRoles,
        List<ProcessingActivity> processingActivities,
        List<Transfer> transfers,
        List<Dataset> datasets) {

    public static final DataMap EMPTY = new DataMap(null, null, null, null, null, null, null, null, null, null, null);

    /** A map without dataset annotations. */
    public DataMap(
            List<SubjectCategory> subjectCategories,
            List<PiCategory> piCategories,
            List<Purpose> purposes,
            List<LegalBasis> legalBases,
            List<RetentionRule> retentionRules,
            List<InformationSystem> systems,
            List<ThirdParty> thirdParties,
            List<AccessRole> accessRoles,
            List<ProcessingActivity> processingActivities,
            List<Transfer> transfers) {
        this(
                subjectCategories,
                piCategories,
                purposes,
                legalBases,
                retentionRules,
                systems,
                thirdParties,
                accessRoles,
                processingActivities,
                transfers,
                null);
    }

    public DataMap {
        subjectCategories = list(subjectCategories);
        piCategories = list(piCategories);
        purposes = list(purposes);
        legalBases = list(legalBases);
        retentionRules = list(retentionRules);
        systems = list(systems);
        thirdParties = list(thirdParties);
        accessRoles = list(accessRoles);
        processingActivities = list(processingActivities);
        transfers = list(transfers);
        datasets = list(datasets);
    }

    /** One object of the map. */
    public sealed interface Item
            permits SubjectCategory,
                    PiCategory,
                    Purpose,
                    LegalBasis,
                    RetentionRule,
                    InformationSystem,
                    ThirdParty,
                    AccessRole,
                    ProcessingActivity,
                    Transfer,
                    Dataset {
        String id();

        /** The object's name as a person reads it, in the given language; its id when it has no name. */
        default String displayName(java.util.Locale locale) {
            return switch (this) {
                case SubjectCategory c -> c.name().in(locale);
                case PiCategory c -> c.name().in(locale);
                case Purpose p -> p.name().in(locale);
                case LegalBasis b -> b.name().in(locale);
                case RetentionRule r -> r.name().in(locale);
                case InformationSystem s -> s.name();
                case ThirdParty t -> t.name();
                case AccessRole r -> r.name().in(locale);
                case ProcessingActivity a -> a.name().in(locale);
                case Transfer t -> t.id();
                case Dataset d -> d.id();
            };
        }

        /** The same object with its reference lists in canonical order. */
        default Item normalized() {
            return this;
        }
    }

    /** Every object with the name of the list that holds it, in document order. */
    public List<Section> sections() {
        return List.of(
                new Section("subjectCategories", subjectCategories),
                new Section("piCategories", piCategories),
                new Section("purposes", purposes),
                new Section("legalBases", legalBases),
                new Section("retentionRules", retentionRules),
                new Section("systems", systems),
                new Section("thirdParties", thirdParties),
                new Section("accessRoles", accessRoles),
                new Section("processingActivities", processingActivities),
                new Section("transfers", transfers),
                new Section("datasets", datasets));
    }

    public record Section(String name, List<? extends Item> items) {}

    /**
     * Each system's name by its id, for pages and letters that name a system (never by its id); a system without a
     * name is left out, so that its reader falls back to the id.
     */
    public java.util.Map<String, String> systemNames() {
        var names = new java.util.HashMap<String, String>();
        systems.stream()
                .filter(s -> s != null
                        && s.id() != null
                        && s.name() != null
                        && !s.name().isBlank())
                .forEach(s -> names.putIfAbsent(s.id(), s.name()));
        return java.util.Map.copyOf(names);
    }

    /**
     * Each category of personal information's name in the given language by its id, for letters and files that name a
     * category (never by its id); a category without a name is left out, so that its reader falls back to the id.
     */
    public java.util.Map<String, String> categoryNames(java.util.Locale locale) {
        var names = new java.util.HashMap<String, String>();
        piCategories.stream()
                .filter(c -> c != null && c.id() != null && c.name() != null)
                .forEach(c -> {
                    var name = c.displayName(locale);
                    if (name != null && !name.isBlank()) {
                        names.putIfAbsent(c.id(), name);
                    }
                });
        return Collections.unmodifiableMap(names); // asked of a record of no category, it answers null
    }

    /** Lists sorted by id and reference lists sorted, so that equal maps export to equal bytes. */
    public DataMap normalized() {
        return new DataMap(
                sorted(subjectCategories, UnaryOperator.identity()),
                sorted(piCategories, UnaryOperator.identity()),
                sorted(purposes, UnaryOperator.identity()),
                sorted(legalBases, UnaryOperator.identity()),
                sorted(retentionRules, UnaryOperator.identity()),
                sorted(systems, UnaryOperator.identity()),
                sorted(thirdParties, UnaryOperator.identity()),
                sorted(accessRoles, AccessRole::normalized),
                sorted(processingActivities, ProcessingActivity::normalized),
                sorted(transfers, Transfer::normalized),
                sorted(datasets, UnaryOperator.identity()));
    }

    private static <T extends Item> List<T> sorted(List<T> items, UnaryOperator<T> normalize) {
        return items.stream()
                .map(normalize)
                .sorted(Comparator.comparing(Item::id, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }

    /** Keeps null elements (reported by the rules with their path) and turns a missing list into an empty one. */
    static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }

    static List<String> sortedIds(List<String> ids) {
        return list(ids).stream().sorted().toList();
    }
}
