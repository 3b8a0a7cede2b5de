package ca.gardien.shared;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First-start setup that any number of nodes may run at the same instant on one database: each step (the bootstrap
 * account, the demo organization, the demo data map) checks and creates in one transaction that holds a lock shared by
 * every node, so the nodes take turns, the first creates, and the others find it done. On PostgreSQL the lock is a
 * transaction-level advisory lock ({@code pg_advisory_xact_lock}), released at commit or rollback and never left
 * behind by a node that dies; on the embedded H2 database (one process) it is a lock in this JVM.
 */
@Component
public class FirstStart {

    /** The advisory lock key of first-start setup, the same on every node ({@code "gardien.first-start"} hashed). */
    static final long LOCK = lockKey("gardien.first-start");

    private static final ReentrantLock LOCAL = new ReentrantLock();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final DatabaseProduct database;

    FirstStart(JdbcTemplate jdbc, TransactionTemplate transactions, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.database = database;
    }

    /**
     * Runs {@code step} (a check, then a creation) in a transaction that holds the first-start lock until it commits:
     * no other node runs a step meanwhile, and the next one sees what this one created.
     */
    public void once(Runnable step) {
        LOCAL.lock();
        try {
            transactions.executeWithoutResult(s -> {
                if (database.postgres()) {
                    jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> {}, LOCK);
                }
                step.run();
            });
        } finally {
            LOCAL.unlock();
        }
    }

    static long lockKey(String name) {
        long hash = 1125899906842597L; // a fixed 64-bit string hash: the same key on every node and every version
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        return hash;
    }
}
