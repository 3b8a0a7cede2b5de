package ca.gardien.inventory;

import java.util.List;

/** A role inside the organization and the categories of information it is granted access to (need to know). */
public record AccessRole(String id, Text name, List<String> categories) implements DataMap.Item {

    public AccessRole {
        categories = DataMap.list(categories);
    }

    @Override
    public AccessRole normalized() {
        return new AccessRole(id, name, DataMap.sortedIds(categories));
    }
}
