package ca.gardien.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

final class OutboxRows {

    private OutboxRows() {}

    static OutboxMessage message(ResultSet rs) throws SQLException {
        var sent = rs.getObject("sent_at", OffsetDateTime.class);
        return new OutboxMessage(
                rs.getObject("id", UUID.class),
                Message.Channel.valueOf(rs.getString("channel")),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("template"),
                rs.getString("related_type"),
                rs.getString("related_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("status"),
                sent == null ? null : sent.toInstant());
    }
}
