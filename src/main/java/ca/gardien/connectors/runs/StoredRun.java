package ca.gardien.connectors.runs;

import ca.gardien.connectors.RunAction;
import ca.gardien.connectors.RunState;
import ca.gardien.connectors.Step;
import ca.gardien.shared.Actor;
import ca.gardien.shared.Phrase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.type.TypeReference;

/** The stored state of a run; {@code request} is sealed (it holds the person's identifiers). */
public record StoredRun(
        UUID id,
        String connector,
        RunAction action,
        RunState status,
        String request,
        List<Step> steps,
        int stepIndex,
        long stepCursor,
        Map<Integer, Long> done,
        Phrase failure,
        int attempts,
        Instant nextAttemptAt,
        String packageSha256,
        Actor actor,
        Instant createdAt,
        Instant updatedAt,
        Lease lease) {

    /** A new run, as {@link RunStore#insert} records it, held by this node under {@code lease}. */
    public static StoredRun pending(
            UUID id, String connector, RunAction action, String sealedRequest, Actor actor, Instant now, Lease lease) {
        return new StoredRun(
                id,
                connector,
                action,
                RunState.PENDING,
                sealedRequest,
                List.of(),
                0,
                0,
                Map.of(),
                null,
                0,
                null,
                null,
                actor,
                now,
                now,
                lease);
    }

    /** This run as {@link RunStore#collected} leaves it. */
    public StoredRun collected(List<Step> planned) {
        return new StoredRun(
                id,
                connector,
                action,
                RunState.APPLYING,
                request,
                planned,
                0,
                0,
                Map.of(),
                failure,
                attempts,
                nextAttemptAt,
                packageSha256,
                actor,
                createdAt,
                updatedAt,
                lease);
    }

    /** This run as stored, written for under the lease a node holds (not the one now in its row). */
    public StoredRun heldUnder(Lease held) {
        return new StoredRun(
                id,
                connector,
                action,
                status,
                request,
                steps,
                stepIndex,
                stepCursor,
                done,
                failure,
                attempts,
                nextAttemptAt,
                packageSha256,
                actor,
                createdAt,
                updatedAt,
                held);
    }

    /** Reads a run from its row: the one place where run actions and states meet their column values. */
    static StoredRun read(ResultSet rs) throws SQLException {
        return new StoredRun(
                UUID.fromString(rs.getString("id")),
                rs.getString("connector_id"),
                RunAction.valueOf(rs.getString("action")),
                RunState.valueOf(rs.getString("status")),
                rs.getString("request"),
                rs.getString("steps") == null
                        ? List.of()
                        : RunStore.JSON.readValue(rs.getString("steps"), new TypeReference<List<Step>>() {}),
                rs.getInt("step_index"),
                rs.getLong("step_cursor"),
                rs.getString("counts") == null
                        ? Map.of()
                        : RunStore.JSON.readValue(
                                rs.getString("counts"), new TypeReference<LinkedHashMap<Integer, Long>>() {}),
                Phrase.fromStored(rs.getString("failure")),
                rs.getInt("attempts"),
                instant(rs.getObject("next_attempt_at", OffsetDateTime.class)),
                rs.getString("package_sha256"),
                new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), rs.getString("actor_id")),
                instant(rs.getObject("created_at", OffsetDateTime.class)),
                instant(rs.getObject("updated_at", OffsetDateTime.class)),
                new Lease(rs.getString("lease_owner"), rs.getLong("lease_generation")));
    }

    /** The column value of a run action or state: its name. */
    static String column(Enum<?> value) {
        return value.name();
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
