package ca.gardien.shared;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database Gardien's own data is in, asked once: PostgreSQL (several nodes, advisory locks, one-statement
 * appends, sequences read with {@code nextval}) or the embedded H2. For the organization's databases, the connectors
 * read each target's own metadata.
 */
@Component
public class DatabaseProduct {

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    DatabaseProduct(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One asked through a given template, for a module that runs without the shared beans (the ledger is tested on its
     * own, {@code ledger.EvidenceScenarioTest}); asked at its first use.
     */
    public static DatabaseProduct of(JdbcTemplate jdbc) {
        return new DatabaseProduct(jdbc);
    }

    /** Whether Gardien's database is PostgreSQL (asked at the first call, then remembered). */
    public boolean postgres() {
        var known = postgres;
        if (known == null) {
            known = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>)
                    c -> c.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }
}
