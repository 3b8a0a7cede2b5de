package ca.gardien.inventory;

import java.util.List;

/**
 * Published inside the transaction of {@link Inventory#apply}: the revision just recorded, what changed and the map
 * as it now is. Listeners (privacy impact assessments) react to added and changed items without reading this module's
 * tables.
 */
public record DataMapApplied(long revision, List<Change> changes, DataMap map) {

    public DataMapApplied {
        changes = List.copyOf(changes);
    }
}
