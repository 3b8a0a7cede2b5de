package ca.gardien.console;

import ca.gardien.shared.FieldError;
import java.util.List;
import java.util.UUID;

/**
 * Content a notice of an entry still lacks, as the entry's page and the notice's preview list it before anything is
 * sent (officer's walk: the persons' notice was queued with a placeholder): its words ({@code key} and arguments) and
 * where the officer gives it — the entry's form or section, or the organization profile.
 */
record IncidentNoticeGap(String field, String key, Object[] arguments, String href) {

    static List<IncidentNoticeGap> of(UUID id, List<FieldError> missing) {
        var entry = "/console/incidents/" + id;
        return missing.stream()
                .map(e -> new IncidentNoticeGap(
                        e.field(),
                        e.key(),
                        e.argumentArray(),
                        switch (e.field()) {
                            case "profile" -> "/console/organization";
                            case "piDescription", "personsCount", "personsInQuebec" -> entry + "/edit#" + e.field();
                            case "measures" -> entry + "#measure";
                            case "advice" -> entry + "#adviceText";
                            default -> entry + "#" + e.field();
                        }))
                .toList();
    }

    /** The fields named, for the notes the page puts next to each. */
    static List<String> fields(List<IncidentNoticeGap> gaps) {
        return gaps.stream().map(IncidentNoticeGap::field).toList();
    }
}
