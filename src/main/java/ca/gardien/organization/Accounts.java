package ca.gardien.organization;

import ca.gardien.shared.ChangedMeanwhile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores accounts; saves check the version so that concurrent edits never overwrite each other silently. */
@Repository
class Accounts {

    private static final String COLUMNS = "id, username, display_name, password_hash, roles, must_change_password, "
            + "enabled, failed_attempts, locked_until, preferred_locale, created_at, version";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> byUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE username = ?")
                .params(username)
                .query(Accounts::map)
                .optional();
    }

    /** The account, its row locked until the transaction ends: a reset and a token's issue do not interleave. */
    Optional<Account> lock(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ? FOR UPDATE")
                .params(id)
                .query(Accounts::map)
                .optional();
    }

    Optional<Account> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = ?")
                .params(id)
                .query(Accounts::map)
                .optional();
    }

    List<Account> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM account ORDER BY username")
                .query(Accounts::map)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
    }

    /**
     * Clears the failed logins and the delay of an account, after a successful login: one conditional statement, which
     * writes nothing when there is nothing to clear and needs no read first (no version to lose to a concurrent
     * login's claim); the version moves, so that an edit read before it is refused as changed meanwhile.
     */
    void loginSucceeded(UUID id) {
        jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL, version = version + 1"
                        + " WHERE id = ? AND (failed_attempts > 0 OR locked_until IS NOT NULL)")
                .params(id)
                .update();
    }

    Account save(Account a) {
        if (a.version() == null) {
            jdbc.sql("INSERT INTO account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                    .params(a.id(), a.username())
                    .params(changing(a))
                    .params(time(a.createdAt()))
                    .update();
            return byId(a.id()).orElseThrow();
        }
        int updated = jdbc.sql("UPDATE account SET display_name = ?, password_hash = ?, roles = ?, "
                        + "must_change_password = ?, enabled = ?, failed_attempts = ?, locked_until = ?, "
                        + "preferred_locale = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(changing(a))
                .params(a.id(), a.version())
                .update();
        if (updated != 1) { // another session saved it first: the page says so, never a 500
            throw new ChangedMeanwhile("organization.conflict.account-changed");
        }
        return byId(a.id()).orElseThrow();
    }

    /** What a save writes of an account besides its id, name and creation, in the order of its columns. */
    private static Object[] changing(Account a) {
        return new Object[] {
            a.displayName(),
            a.passwordHash(),
            Role.format(a.roles()),
            a.mustChangePassword(),
            a.enabled(),
            a.failedAttempts(),
            time(a.lockedUntil()),
            a.preferredLocale()
        };
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("password_hash"),
                Role.parse(rs.getString("roles")),
                rs.getBoolean("must_change_password"),
                rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"),
                instant(rs, "locked_until"),
                rs.getString("preferred_locale"),
                instant(rs, "created_at"),
                rs.getInt("version"));
    }
}
