package ca.gardien.requests;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.PiCategory;
import ca.gardien.inventory.ProcessingActivity;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the data map says about a request: the systems that may hold information on persons of the subject category
 * (every category when none is given), and whether any of that information is sensitive.
 */
record Scope(Set<String> systems, boolean sensitive) {

    static Scope of(DataMap map, String subjectCategory) {
        var sensitiveCategories = map.piCategories().stream()
                .filter(PiCategory::sensitive)
                .map(PiCategory::id)
                .collect(Collectors.toSet());
        var systems = new TreeSet<String>();
        boolean sensitive = false;
        for (ProcessingActivity activity : map.processingActivities()) {
            if (subjectCategory != null && !activity.subjects().contains(subjectCategory)) {
                continue;
            }
            systems.addAll(activity.systems());
            sensitive |= activity.categories().stream().anyMatch(sensitiveCategories::contains);
        }
        return new Scope(systems, sensitive);
    }
}
