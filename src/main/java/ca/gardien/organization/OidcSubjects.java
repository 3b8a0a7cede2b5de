package ca.gardien.organization;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Links between accounts and the people an identity provider vouches for (issuer and subject of their ID tokens). */
@Repository
class OidcSubjects {

    private final JdbcClient jdbc;

    OidcSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> accountOf(String issuer, String subject) {
        return jdbc.sql("SELECT account_id FROM account_oidc_subject WHERE issuer = ? AND subject = ?")
                .params(issuer, subject)
                .query(UUID.class)
                .optional();
    }

    boolean linked(UUID accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM account_oidc_subject WHERE account_id = ?")
                        .params(accountId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void link(UUID accountId, String issuer, String subject, Instant at) {
        jdbc.sql("INSERT INTO account_oidc_subject (account_id, issuer, subject, linked_at) VALUES (?, ?, ?, ?)")
                .params(accountId, issuer, subject, Accounts.time(at))
                .update();
    }
}
