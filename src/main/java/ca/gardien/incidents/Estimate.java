package ca.gardien.incidents;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.PiCategory;
import java.util.List;

/** What the data map says of the chosen systems and categories: their sensitivity and the activities involved. */
public record Estimate(boolean sensitive, List<String> sensitiveCategories, List<String> activities) {
    static Estimate from(DataMap map, List<String> systems, List<String> categories) {
        var chosen = categories == null ? List.<String>of() : categories;
        var chosenSystems = systems == null ? List.<String>of() : systems;
        var sensitive = map.piCategories().stream()
                .filter(c -> chosen.contains(c.id()) && c.sensitive())
                .map(PiCategory::id)
                .sorted()
                .toList();
        var activities = map.processingActivities().stream()
                .filter(a -> a.systems().stream().anyMatch(chosenSystems::contains)
                        || a.categories().stream().anyMatch(chosen::contains))
                .map(a -> a.id())
                .sorted()
                .toList();
        return new Estimate(!sensitive.isEmpty(), sensitive, activities);
    }
}
