package ca.gardien.incidents;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.PiCategory;
import ca.gardien.inventory.ProcessingActivity;
import ca.gardien.inventory.SubjectCategory;
import java.util.List;
import java.util.Objects;

/**
 * What the data map says of the chosen systems and categories: their sensitivity, the activities involved, the
 * categories of persons those activities are about and a first estimate of how many persons that is (the sum of the
 * categories' approximate counts; {@code null} when the data map gives none). An estimate, so always approximate:
 * connectors count exactly where they reach.
 *
 * @param subjectsWithoutCount categories of persons involved for which the data map gives no count
 */
@org.springframework.modulith.NamedInterface("views")
public record Estimate(
        boolean sensitive,
        List<String> sensitiveCategories,
        List<String> activities,
        List<String> subjects,
        Long persons,
        List<String> subjectsWithoutCount) {

    static Estimate from(DataMap map, List<String> systems, List<String> categories) {
        var chosen = categories == null ? List.<String>of() : categories;
        var chosenSystems = systems == null ? List.<String>of() : systems;
        var sensitive = map.piCategories().stream()
                .filter(c -> chosen.contains(c.id()) && c.sensitive())
                .map(PiCategory::id)
                .sorted()
                .toList();
        var involved = map.processingActivities().stream()
                .filter(a -> a.systems().stream().anyMatch(chosenSystems::contains)
                        || a.categories().stream().anyMatch(chosen::contains))
                .toList();
        var subjectIds = involved.stream()
                .flatMap(a -> a.subjects().stream())
                .distinct()
                .sorted()
                .toList();
        var subjects = map.subjectCategories().stream()
                .filter(s -> subjectIds.contains(s.id()))
                .toList();
        var counted = subjects.stream()
                .map(SubjectCategory::approximateCount)
                .filter(Objects::nonNull)
                .toList();
        return new Estimate(
                !sensitive.isEmpty(),
                sensitive,
                involved.stream().map(ProcessingActivity::id).sorted().toList(),
                subjectIds,
                counted.isEmpty()
                        ? null
                        : counted.stream().mapToLong(Long::longValue).sum(),
                subjects.stream()
                        .filter(s -> s.approximateCount() == null)
                        .map(SubjectCategory::id)
                        .toList());
    }
}
