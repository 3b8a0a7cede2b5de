package ca.gardien.connectors;

/** One field to correct: the new value replaces the column's value in every row about the person in that table. */
@org.springframework.modulith.NamedInterface("actions")
public record RectifyChange(String table, String column, String newValue) {

    @Override
    public String toString() {
        return "RectifyChange[table=" + table + ", column=" + column + "]";
    }
}
