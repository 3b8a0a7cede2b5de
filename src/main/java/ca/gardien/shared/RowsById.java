package ca.gardien.shared;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rows of a module's own table for the ids of one page, in one query, by id: how a list names the objects of its lines
 * (the ledger names a page's requests, runs and consent records at once, never one look-up per line).
 */
public final class RowsById {

    private RowsById() {}

    /**
     * @param select {@code SELECT … FROM table} with the table's {@code id} column among the columns: a constant of the
     *     module's code, never input ({@code WHERE id IN (…)} is added)
     * @param ids the ids as the table holds them (UUIDs for a UUID column, their text for a text column)
     * @return each row found, by id; ids that name nothing are left out
     */
    public static <T> Map<UUID, T> of(JdbcClient jdbc, String select, Collection<?> ids, RowMapper<T> row) {
        var found = new HashMap<UUID, T>();
        if (!ids.isEmpty()) {
            jdbc.sql(select + " WHERE id IN (:ids)")
                    .param("ids", ids)
                    .query((rs, n) -> found.put(UUID.fromString(rs.getString("id")), row.mapRow(rs, n)))
                    .list();
        }
        return found;
    }
}
