package ca.gardien.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokens {

    private static final String COLUMNS =
            "id, account_id, name, token_hash, prefix, roles, created_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiToken t) {
        jdbc.sql("INSERT INTO api_token (" + COLUMNS + ", version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(
                        t.id(),
                        t.accountId(),
                        t.name(),
                        t.tokenHash(),
                        t.prefix(),
                        Role.format(t.roles()),
                        Accounts.time(t.createdAt()),
                        Accounts.time(t.revokedAt()),
                        Accounts.time(t.lastUsedAt()))
                .update();
    }

    Optional<ApiToken> byHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE token_hash = ?")
                .params(hash)
                .query(ApiTokens::map)
                .optional();
    }

    Optional<ApiToken> byId(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE id = ?")
                .params(id)
                .query(ApiTokens::map)
                .optional();
    }

    List<ApiToken> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token ORDER BY created_at DESC")
                .query(ApiTokens::map)
                .list();
    }

    List<ApiToken> ofAccount(UUID accountId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token WHERE account_id = ? ORDER BY created_at DESC")
                .params(accountId)
                .query(ApiTokens::map)
                .list();
    }

    boolean revoke(UUID id, Instant at) {
        return jdbc.sql(
                                "UPDATE api_token SET revoked_at = ?, version = version + 1 WHERE id = ? AND revoked_at IS NULL")
                        .params(Accounts.time(at), id)
                        .update()
                == 1;
    }

    /** Records use at most once per {@code granularity} window, so that busy tokens do not write on every call. */
    void touch(UUID id, Instant at, Instant notAfter) {
        jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
                .params(Accounts.time(at), id, Accounts.time(notAfter))
                .update();
    }

    private static ApiToken map(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                rs.getObject("id", UUID.class),
                rs.getObject("account_id", UUID.class),
                rs.getString("name"),
                rs.getString("token_hash").trim(),
                rs.getString("prefix"),
                Role.parse(rs.getString("roles")),
                Accounts.instant(rs, "created_at"),
                Accounts.instant(rs, "revoked_at"),
                Accounts.instant(rs, "last_used_at"));
    }
}
