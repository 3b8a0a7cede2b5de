package ca.gardien.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;

final class OutboxRows {

    private OutboxRows() {}

    /** A stored message, its sealed parts opened (null once its key is destroyed). */
    static OutboxMessage message(ResultSet rs, OutboxSeal seal) throws SQLException {
        var sent = rs.getObject("sent_at", OffsetDateTime.class);
        var open = seal.key(rs.getObject("subject_key", UUID.class));
        return new OutboxMessage(
                rs.getObject("id", UUID.class),
                Message.Channel.valueOf(rs.getString("channel")),
                open.open(rs.getString("recipient")),
                open.open(rs.getString("subject")),
                open.open(rs.getString("body")),
                rs.getString("template"),
                rs.getString("related_type"),
                rs.getString("related_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("status"),
                sent == null ? null : sent.toInstant());
    }
}
