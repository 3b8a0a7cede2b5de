package ca.gardien.ratelimits;

import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.RateLimitedException;
import ca.gardien.shared.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link RateLimits} on fixed windows counted in {@code ratelimits_counter}: one row per limit, key digest and window
 * (aligned on multiples of the window since the epoch). A use is one conditional {@code UPDATE ... SET hits = hits + 1
 * WHERE ... AND hits < max}: the update count says whether it was allowed, and concurrent uses of one key, on any node,
 * wait for each other's row lock and re-check the condition. Only the first use of a window inserts its row, in a
 * savepoint so that a concurrent insert (a duplicate key) leaves the caller's transaction usable and is retried as an
 * update. Plain SQL, the same on H2 and PostgreSQL.
 */
@Service
class WindowCounters implements RateLimits {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9.-]{0,59}");

    private final JdbcClient jdbc;
    private final KeyedDigest key;
    private final LimitReports reports;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    WindowCounters(
            JdbcClient jdbc,
            @Qualifier(RateLimitsConfiguration.KEY) KeyedDigest key,
            LimitReports reports,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.reports = reports;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @Override
    public void consume(String limit, Quota quota, String limitedKey) {
        if (limit == null || !NAME.matcher(limit).matches()) {
            throw new IllegalArgumentException("a limit is named with 1-60 lower-case letters, digits, '.' or '-'");
        }
        Objects.requireNonNull(quota, "quota");
        var now = clock.instant();
        long per = quota.per().toMillis();
        var start = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), per) * per);
        var end = start.plus(quota.per());
        var digest = key.digest(limit, limitedKey == null ? "" : limitedKey);
        if (!counted(limit, digest, start, end, quota.max())) {
            reports.refused(limit, quota, end);
            throw new RateLimitedException(limit, Duration.between(now, end));
        }
    }

    @Override
    public void watch(String limit) {
        reports.watch(limit);
    }

    private boolean counted(String limit, String digest, Instant start, Instant end, int max) {
        if (increment(limit, digest, start, max)) {
            return true;
        }
        if (exists(limit, digest, start)) {
            // Full — or opened by another call since the increment found no row: count this use against it now.
            return increment(limit, digest, start, max);
        }
        try {
            savepoint.executeWithoutResult(s -> jdbc.sql("INSERT INTO ratelimits_counter"
                            + " (limit_name, key_digest, window_start, window_end, hits) VALUES (?, ?, ?, ?, 1)")
                    .params(limit, digest, utc(start), utc(end))
                    .update());
            return true;
        } catch (DuplicateKeyException e) {
            return increment(limit, digest, start, max); // another call opened the window first
        }
    }

    private boolean increment(String limit, String digest, Instant start, int max) {
        return jdbc.sql("UPDATE ratelimits_counter SET hits = hits + 1"
                                + " WHERE limit_name = ? AND key_digest = ? AND window_start = ? AND hits < ?")
                        .params(limit, digest, utc(start), max)
                        .update()
                == 1;
    }

    private boolean exists(String limit, String digest, Instant start) {
        return jdbc.sql("SELECT COUNT(*) FROM ratelimits_counter"
                                + " WHERE limit_name = ? AND key_digest = ? AND window_start = ?")
                        .params(limit, digest, utc(start))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
