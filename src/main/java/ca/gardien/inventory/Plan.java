package ca.gardien.inventory;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What applying a document would add, change and remove, in document order then id order. */
public record Plan(List<Change> changes) {

    public Plan {
        changes = List.copyOf(changes);
    }

    public boolean empty() {
        return changes.isEmpty();
    }

    /** Both maps must be valid and normalized. */
    static Plan between(DataMap current, DataMap target) {
        var changes = new ArrayList<Change>();
        var before = current.sections();
        var after = target.sections();
        for (int s = 0; s < before.size(); s++) {
            var kind = before.get(s).name();
            Map<String, DataMap.Item> old = byId(before.get(s).items());
            Map<String, DataMap.Item> now = byId(after.get(s).items());
            for (var item : after.get(s).items()) {
                var previous = old.get(item.id());
                if (previous == null) {
                    changes.add(new Change("add", kind, item, List.of()));
                } else if (!previous.equals(item)) {
                    changes.add(new Change("change", kind, item, changedFields(previous, item)));
                }
            }
            for (var item : before.get(s).items()) {
                if (!now.containsKey(item.id())) {
                    changes.add(new Change("remove", kind, item, List.of()));
                }
            }
        }
        return new Plan(changes);
    }

    long count(String op) {
        return changes.stream().filter(c -> c.op().equals(op)).count();
    }

    private static Map<String, DataMap.Item> byId(List<? extends DataMap.Item> items) {
        return items.stream().collect(Collectors.toMap(DataMap.Item::id, Function.identity()));
    }

    private static List<String> changedFields(DataMap.Item before, DataMap.Item after) {
        return Arrays.stream(before.getClass().getRecordComponents())
                .filter(c -> !Objects.equals(value(c.getAccessor(), before), value(c.getAccessor(), after)))
                .map(java.lang.reflect.RecordComponent::getName)
                .toList();
    }

    private static Object value(java.lang.reflect.Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
