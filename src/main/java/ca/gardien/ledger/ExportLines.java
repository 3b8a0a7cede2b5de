package ca.gardien.ledger;

import ca.gardien.shared.Actor;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON Lines export format (docs/ledger-format.md): writing it and reading it back. */
final class ExportLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final OutputStream out;

    ExportLines(OutputStream out) {
        this.out = out;
    }

    void entry(LedgerEntry e) {
        var line = new LinkedHashMap<String, Object>();
        line.put("type", "entry");
        line.put("sequence", e.sequence());
        line.put("eventId", e.eventId().toString());
        line.put("recordedAt", CanonicalForm.time(e.recordedAt()));
        line.put("occurredAt", CanonicalForm.time(e.occurredAt()));
        line.put("actorKind", e.actor().kind().name());
        line.put("actorId", e.actor().id());
        line.put("action", e.action());
        line.put("objectType", e.objectType());
        line.put("objectId", e.objectId());
        line.put("payload", e.payload());
        line.put("prevHash", e.prevHash());
        line.put("hash", e.hash());
        write(line);
    }

    void checkpoint(Checkpoint c) {
        var line = new LinkedHashMap<String, Object>();
        line.put("type", "checkpoint");
        line.put("sequence", c.sequence());
        line.put("headHash", c.headHash());
        line.put("signedAt", CanonicalForm.time(c.signedAt()));
        line.put("keyId", c.keyId());
        line.put("signature", c.signature());
        if (c.timestampToken() != null) {
            line.put("timestamp", c.timestampToken());
        }
        write(line);
    }

    void keys(List<Checkpoint> checkpoints, String currentKeyId, String currentKeyPem) {
        var keys = new LinkedHashMap<String, String>();
        checkpoints.forEach(c -> keys.putIfAbsent(c.keyId(), c.publicKeyPem()));
        keys.putIfAbsent(currentKeyId, currentKeyPem);
        keys.forEach((id, pem) -> {
            // Ordered like the other lines: Map.of would shuffle the fields differently in every JVM run.
            var line = new LinkedHashMap<String, Object>();
            line.put("type", "key");
            line.put("keyId", id);
            line.put("publicKeyPem", pem);
            write(line);
        });
    }

    private void write(Map<String, ?> line) {
        try {
            out.write(JSON.writeValueAsBytes(line));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses one export line; returns a LedgerEntry, a Checkpoint (public key filled later) or a Map for keys. */
    static Object parse(String text) {
        JsonNode n = JSON.readTree(text);
        return switch (n.path("type").asString()) {
            case "entry" ->
                new LedgerEntry(
                        n.get("sequence").asLong(),
                        UUID.fromString(n.get("eventId").asString()),
                        Instant.parse(n.get("recordedAt").asString()),
                        Instant.parse(n.get("occurredAt").asString()),
                        new Actor(
                                Actor.Kind.valueOf(n.get("actorKind").asString()),
                                n.get("actorId").asString()),
                        n.get("action").asString(),
                        n.get("objectType").asString(),
                        n.get("objectId").asString(),
                        n.get("payload").asString(),
                        n.get("prevHash").asString(),
                        n.get("hash").asString());
            case "checkpoint" ->
                new Checkpoint(
                        n.get("sequence").asLong(),
                        n.get("headHash").asString(),
                        Instant.parse(n.get("signedAt").asString()),
                        n.get("keyId").asString(),
                        null,
                        n.get("signature").asString(),
                        n.hasNonNull("timestamp") ? n.get("timestamp").asString() : null);
            case "key" ->
                Map.of(n.get("keyId").asString(), n.get("publicKeyPem").asString());
            default -> throw new IllegalArgumentException("unknown line type");
        };
    }
}
