package ca.gardien.connectors;

import ca.gardien.connectors.spi.ConnectorSettings;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered connectors; the secret column holds the AES-GCM sealed secret only. */
@Repository
class ConnectorStore {

    private final JdbcClient jdbc;
    private final SecretBox box;

    ConnectorStore(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    boolean exists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM connectors_connector WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(ConnectorSettings s, Instant now) {
        var at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        jdbc.sql("INSERT INTO connectors_connector (id, type, url, username, secret, created_at, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(s.id(), s.type(), s.url(), s.username(), box.seal(s.secret()), at, at)
                .update();
    }

    Optional<ConnectorSettings> find(String id) {
        return jdbc.sql("SELECT id, type, url, username, secret FROM connectors_connector WHERE id = ?")
                .param(id)
                .query((rs, n) -> new ConnectorSettings(
                        rs.getString("id"),
                        rs.getString("type"),
                        rs.getString("url"),
                        rs.getString("username"),
                        box.open(rs.getString("secret")),
                        Map.of()))
                .optional();
    }

    List<ConnectorSettings> all() {
        return jdbc.sql("SELECT id FROM connectors_connector ORDER BY id").query(String.class).list().stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    Instant createdAt(String id) {
        return jdbc.sql("SELECT created_at FROM connectors_connector WHERE id = ?")
                .param(id)
                .query(OffsetDateTime.class)
                .single()
                .toInstant();
    }
}
