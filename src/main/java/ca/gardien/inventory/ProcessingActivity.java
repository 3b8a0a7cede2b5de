package ca.gardien.inventory;

import java.util.List;

/**
 * What the organization does with information: about which subjects, which categories, for which purposes, on which
 * legal basis, from which source ({@code person} or {@code third-party-with-consent}), in which systems, shared with
 * which recipients, kept under which retention rule, and which roles need to know.
 */
public record ProcessingActivity(
        String id,
        Text name,
        List<String> subjects,
        List<String> categories,
        List<String> purposes,
        String legalBasis,
        String source,
        List<String> systems,
        List<String> recipients,
        String retention,
        List<String> accessRoles)
        implements DataMap.Item {

    static final List<String> SOURCES = List.of("person", "third-party-with-consent");

    public ProcessingActivity {
        subjects = DataMap.list(subjects);
        categories = DataMap.list(categories);
        purposes = DataMap.list(purposes);
        systems = DataMap.list(systems);
        recipients = DataMap.list(recipients);
        accessRoles = DataMap.list(accessRoles);
    }

    @Override
    public ProcessingActivity normalized() {
        return new ProcessingActivity(
                id,
                name,
                DataMap.sortedIds(subjects),
                DataMap.sortedIds(categories),
                DataMap.sortedIds(purposes),
                legalBasis,
                source,
                DataMap.sortedIds(systems),
                DataMap.sortedIds(recipients),
                retention,
                DataMap.sortedIds(accessRoles));
    }
}
