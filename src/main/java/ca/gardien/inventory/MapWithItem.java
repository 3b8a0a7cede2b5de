package ca.gardien.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * The current map as a YAML document with one object added or replaced (same list, same id): what a console form
 * submits, to go through the same plan and apply as an edited document. Refused with every mistake at once — the map's
 * rules, and what a document may hold (hidden characters, a name of several lines, a line too long) — those of the
 * object itself with paths relative to it ({@code name}, {@code name.fr}, {@code commitment.reference}), so that a form
 * shows each next to its field (attacker's review: a name with a line end came back as {@code thirdParties[4].name}).
 */
final class MapWithItem {

    private MapWithItem() {}

    static String document(DataMap m, DataMap.Item item) {
        var map = new DataMap(
                put(m.subjectCategories(), item, SubjectCategory.class),
                put(m.piCategories(), item, PiCategory.class),
                put(m.purposes(), item, Purpose.class),
                put(m.legalBases(), item, LegalBasis.class),
                put(m.retentionRules(), item, RetentionRule.class),
                put(m.systems(), item, InformationSystem.class),
                put(m.thirdParties(), item, ThirdParty.class),
                put(m.accessRoles(), item, AccessRole.class),
                put(m.processingActivities(), item, ProcessingActivity.class),
                put(m.transfers(), item, Transfer.class),
                put(m.datasets(), item, Dataset.class));
        var errors = DataMapRules.check(map); // before writing: the canonical order needs every id
        if (!errors.isEmpty()) {
            throw new InvalidDataMapException(relative(errors, at(map, item)));
        }
        var yaml = DataMapYaml.write(map);
        try {
            Inventory.parse(yaml); // as an applied document is read; its lists in canonical order
        } catch (InvalidDataMapException e) {
            throw new InvalidDataMapException(relative(e.errors(), at(map.normalized(), item)));
        }
        return yaml;
    }

    /** The object's path in the map ({@code thirdParties[4]}), found by its list and id; a path nothing starts with. */
    private static String at(DataMap map, DataMap.Item item) {
        for (var section : map.sections()) {
            var items = section.items();
            for (int i = 0; i < items.size(); i++) {
                var other = items.get(i);
                if (other.getClass() == item.getClass() && java.util.Objects.equals(other.id(), item.id())) {
                    return section.name() + "[" + i + "]";
                }
            }
        }
        return "\0";
    }

    private static List<MapError> relative(List<MapError> errors, String at) {
        return errors.stream()
                .map(e -> e.path().startsWith(at + ".")
                        ? new MapError(
                                e.path().substring(at.length() + 1),
                                e.key() == null ? e.message() : null,
                                e.key(),
                                e.arguments())
                        : e)
                .toList();
    }

    private static <T extends DataMap.Item> List<T> put(List<T> items, DataMap.Item item, Class<T> type) {
        if (!type.isInstance(item)) {
            return items;
        }
        var result = new ArrayList<T>();
        items.stream().filter(i -> !i.id().equals(item.id())).forEach(result::add);
        result.add(type.cast(item));
        return result;
    }
}
