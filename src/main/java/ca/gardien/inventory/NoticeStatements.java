package ca.gardien.inventory;

import java.util.List;
import java.util.Locale;

/**
 * Statements another module adds to the generated privacy notice (for instance the technologies that identify, locate
 * or profile a person, s. 8.1, and decisions based exclusively on automated processing, s. 12.1). A module publishes
 * a bean of this type; the notice page shows every statement under its heading.
 */
public interface NoticeStatements {

    /** A heading and its items, in the asked language. */
    record Statement(String heading, List<String> items) {}

    List<Statement> statements(Locale locale);
}
