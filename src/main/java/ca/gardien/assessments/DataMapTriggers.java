package ca.gardien.assessments;

import ca.gardien.inventory.Change;
import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.DataMapApplied;
import ca.gardien.inventory.Transfer;
import ca.gardien.shared.Actor;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts assessments from an applied data map, in the apply's transaction: a system holding personal information
 * added or redesigned (introduced after {@code gardien.assessments.systems-after}), a communication outside Québec
 * added or changed in what it sends where, a purpose of research or statistics added. An item already assessed gets a
 * new version when it changes again; the approved version stays frozen and no longer clears the gap. Items the map
 * already records as assessed (a PIA reference, approved) start nothing when added.
 */
@Component
class DataMapTriggers {

    static final String TRANSFER_GAP = "transfer-without-approved-pia";
    static final String SYSTEM_GAP = "system-without-pia";
    private static final Set<String> TRANSFER_FIELDS = Set.of("destination", "recipient", "categories");
    private static final Set<String> QUIET_SYSTEM_FIELDS = Set.of("name", "owner", "piaReference");
    private static final Pattern RESEARCH = Pattern.compile("(?i).*(recherche|research|statisti).*");

    private final Assessments assessments;
    private final AssessmentStore store;
    private final Templates templates;
    private final AssessmentsProperties properties;
    private final ItemNames names;

    DataMapTriggers(
            Assessments assessments,
            AssessmentStore store,
            Templates templates,
            AssessmentsProperties properties,
            ItemNames names) {
        this.names = names;
        this.assessments = assessments;
        this.store = store;
        this.templates = templates;
        this.properties = properties;
    }

    @EventListener
    void applied(DataMapApplied event) {
        for (var change : event.changes()) {
            if (!"add".equals(change.op()) && !"change".equals(change.op())) {
                continue;
            }
            switch (change.kind()) {
                case "transfers" -> transfer(change, event.map());
                case "systems" -> system(change, event.map());
                case "purposes" -> purpose(change, event.map());
                default -> {}
            }
        }
    }

    private void transfer(Change change, DataMap map) {
        var t = find(map.transfers(), change.id());
        boolean recorded =
                t.piaApproved() && t.piaReference() != null && !t.piaReference().isBlank();
        if (change.op().equals("add") ? !recorded : change.fields().stream().anyMatch(TRANSFER_FIELDS::contains)) {
            start(change, map, TRANSFER_GAP, name(t, map), !recorded);
        }
    }

    private void system(Change change, DataMap map) {
        var s = find(map.systems(), change.id());
        boolean due = s.holdsPersonalInformation()
                && (s.introducedOn() == null
                        || LocalDate.parse(s.introducedOn()).isAfter(properties.systemsAfter()));
        boolean recorded = s.piaReference() != null && !s.piaReference().isBlank();
        if (due
                && (change.op().equals("add")
                        ? !recorded
                        : change.fields().stream().anyMatch(f -> !QUIET_SYSTEM_FIELDS.contains(f)))) {
            start(change, map, SYSTEM_GAP, s.name(), !recorded);
        }
    }

    private void purpose(Change change, DataMap map) {
        var p = find(map.purposes(), change.id());
        boolean research = "statistics".equals(p.cookieCategory())
                || RESEARCH.matcher(p.name().fr() + " " + p.name().en()).matches();
        if (change.op().equals("add") && research) {
            start(change, map, null, p.name().fr(), true);
        }
    }

    /** A first version, a new version of an assessed item, or the pre-filled answers of a pending one refreshed. */
    private void start(Change change, DataMap map, String gapRule, String name, boolean firstWhenNone) {
        var template = templates.forList(change.kind());
        var latest = store.latest(change.path());
        if (latest.isEmpty()) {
            if (firstWhenNone) {
                assessments.create(name, template, change.path(), gapRule, 1, map, Actor.SYSTEM, Map.of());
            }
            return;
        }
        var previous = latest.get();
        if (!previous.status().frozen() && previous.status() != AssessmentStatus.REJECTED) {
            assessments.refresh(previous, map, Actor.SYSTEM);
            return;
        }
        var superseded = new AssessmentCopy(previous);
        superseded.superseded = true;
        store.update(superseded.build());
        var kept = new HashMap<String, Assessment.Answer>();
        previous.answers().forEach((q, a) -> {
            if (!a.prefilled()) {
                kept.put(q, a);
            }
        });
        assessments.create(
                previous.title(),
                templates.get(previous.templateId()),
                change.path(),
                gapRule,
                previous.version() + 1,
                map,
                Actor.SYSTEM,
                kept);
    }

    /** The title of a transfer's assessment, in French (the organization's language): "recipient → country". */
    private String name(Transfer t, DataMap map) {
        return names.transfer(map, t, Locale.CANADA_FRENCH);
    }

    private static <T extends DataMap.Item> T find(List<T> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }
}
