package ca.gardien.governance;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether the public pages link the governance policy ({@code /privacy/policy}): only once a version of it is
 * published, so no page links a "not found". Templates call it as {@code @publishedPolicy.exists()}
 * ({@code inventory/public-links}) on every public page, so the answer is a flag kept by each node, not a query per
 * page: the flag is read from the database on first use, set by this node's own publication once it commits
 * ({@link #published(String)}, called by {@link Policies#publish}), and read again at most once every
 * {@link #REFRESH} (30 seconds). So a version another node publishes (or a restored database) shows on this node's
 * pages within 30 seconds, and this node's own publication at once.
 */
@Component("publishedPolicy")
class PublishedPolicyLink {

    /** The longest a node's flag goes unread: another node's publication shows here within this time. */
    static final Duration REFRESH = Duration.ofSeconds(30);

    private final BooleanSupplier read;
    private final LongSupplier nanos;

    /** The flag and when it was last read ({@link System#nanoTime()}); {@code null} before the first read. */
    private final AtomicReference<State> state = new AtomicReference<>();

    private record State(boolean published, long readAt) {}

    @Autowired
    PublishedPolicyLink(JdbcClient jdbc) {
        this(
                () -> jdbc.sql(
                                        "SELECT COUNT(*) FROM governance_policy_version WHERE policy_id = ? AND status = 'PUBLISHED'")
                                .param(PolicySeed.PRIVACY_POLICY)
                                .query(Long.class)
                                .single()
                        > 0,
                System::nanoTime);
    }

    /** With the database's answer and the monotonic time ({@code nanos}, as {@link System#nanoTime()}) given. */
    PublishedPolicyLink(BooleanSupplier read, LongSupplier nanos) {
        this.read = read;
        this.nanos = nanos;
    }

    public boolean exists() {
        var now = nanos.getAsLong();
        var known = state.get();
        if (known == null || now - known.readAt() >= REFRESH.toNanos()) {
            var fresh = new State(read.getAsBoolean(), now);
            // a publication that committed during the read wins over what the read saw before it
            return state.compareAndSet(known, fresh)
                    ? fresh.published()
                    : state.get().published();
        }
        return known.published();
    }

    /**
     * A version of policy {@code policyId} was published on this node: the pages link the privacy policy from the
     * moment the publication commits (at once outside a transaction), never before, so a rolled-back publication
     * links nothing.
     */
    void published(String policyId) {
        if (!PolicySeed.PRIVACY_POLICY.equals(policyId)) {
            return;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    state.set(new State(true, nanos.getAsLong()));
                }
            });
        } else {
            state.set(new State(true, nanos.getAsLong()));
        }
    }
}
