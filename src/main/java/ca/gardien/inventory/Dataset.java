package ca.gardien.inventory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The annotations of one connected database (the {@code id} is the connector's id): which columns hold which PI
 * category, which identify a person, which refer to another table without a declared foreign key, how each column is
 * erased and where its data came from. The connectors module reads them to find, export, rectify and erase.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@org.springframework.modulith.NamedInterface("views")
public record Dataset(String id, List<Table> tables) implements DataMap.Item {

    public static final List<String> STRATEGIES = List.of("DELETE_ROW", "SET_NULL", "MASK", "KEYED_HASH", "FIXED:…");
    public static final List<String> ORIGINS = List.of("COLLECTED", "CREATED", "INFERRED");

    public Dataset {
        tables = DataMap.list(tables);
    }

    /**
     * One table and its annotated columns. {@code retention} names the data map's retention rule its rows follow and
     * {@code triggerColumn} the date or timestamp column the rule's duration counts from (last activity, contract end,
     * creation); the retention module sweeps the rows whose trigger is older than the duration.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Table(String name, List<Column> columns, String retention, String triggerColumn) {
        public Table {
            columns = DataMap.list(columns);
        }
    }

    /**
     * One annotated column. {@code identity} is a kind of identifier (email, phone, customerNumber …);
     * {@code references} is {@code table.column} for a reference the schema does not declare; {@code erasure} is
     * DELETE_ROW, SET_NULL, MASK, KEYED_HASH or FIXED:value; {@code origin} is COLLECTED, CREATED or INFERRED;
     * {@code follow: false} makes a reference a mere link (nulled out at erasure, never walked);
     * {@code caseSensitive: true} makes a column holding email addresses match only with the same letter case (by
     * default an email identity column, and a reference to one, match regardless of case).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Column(
            String name,
            String category,
            String identity,
            String references,
            String erasure,
            String origin,
            Boolean follow,
            Boolean caseSensitive) {}
}
