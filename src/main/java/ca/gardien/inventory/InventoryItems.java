package ca.gardien.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores each object of the data map under its kind and stable id, as its canonical JSON. Objects are small and always
 * read together; references between them are checked by {@link DataMapRules} before anything is stored.
 */
@Repository
class InventoryItems {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, Class<? extends DataMap.Item>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("subjectCategories", SubjectCategory.class);
        KINDS.put("piCategories", PiCategory.class);
        KINDS.put("purposes", Purpose.class);
        KINDS.put("legalBases", LegalBasis.class);
        KINDS.put("retentionRules", RetentionRule.class);
        KINDS.put("systems", InformationSystem.class);
        KINDS.put("thirdParties", ThirdParty.class);
        KINDS.put("accessRoles", AccessRole.class);
        KINDS.put("processingActivities", ProcessingActivity.class);
        KINDS.put("transfers", Transfer.class);
        KINDS.put("datasets", Dataset.class);
    }

    private final JdbcClient jdbc;

    InventoryItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    DataMap load() {
        var byKind = new LinkedHashMap<String, List<DataMap.Item>>();
        KINDS.keySet().forEach(k -> byKind.put(k, new ArrayList<>()));
        jdbc.sql("SELECT kind, body FROM inventory_item ORDER BY kind, id")
                .query((rs, row) -> {
                    var kind = rs.getString("kind");
                    byKind.get(kind).add(JSON.readValue(rs.getString("body"), KINDS.get(kind)));
                    return kind;
                })
                .list();
        return new DataMap(
                cast(byKind.get("subjectCategories")),
                cast(byKind.get("piCategories")),
                cast(byKind.get("purposes")),
                cast(byKind.get("legalBases")),
                cast(byKind.get("retentionRules")),
                cast(byKind.get("systems")),
                cast(byKind.get("thirdParties")),
                cast(byKind.get("accessRoles")),
                cast(byKind.get("processingActivities")),
                cast(byKind.get("transfers")),
                cast(byKind.get("datasets")));
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM inventory_item").query(Long.class).single() == 0;
    }

    void insert(String kind, DataMap.Item item) {
        jdbc.sql("INSERT INTO inventory_item (kind, id, body) VALUES (?, ?, ?)")
                .params(kind, item.id(), JSON.writeValueAsString(item))
                .update();
    }

    void update(String kind, DataMap.Item item) {
        jdbc.sql("UPDATE inventory_item SET body = ? WHERE kind = ? AND id = ?")
                .params(JSON.writeValueAsString(item), kind, item.id())
                .update();
    }

    void delete(String kind, String id) {
        jdbc.sql("DELETE FROM inventory_item WHERE kind = ? AND id = ?")
                .params(kind, id)
                .update();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<DataMap.Item> items) {
        return (List<T>) (List<?>) items;
    }
}
