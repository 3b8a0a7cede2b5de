package ca.gardien.ledger;

import ca.gardien.shared.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A fact to record in the evidence ledger. Modules publish it as an application event inside the transaction that
 * makes the fact true; the ledger appends it once (the event id makes appends idempotent).
 *
 * <p>The payload is minimized: ids, role names, counts and digests of documents, never personal information.
 */
public record Evidence(
        UUID eventId,
        Instant occurredAt,
        Actor actor,
        String action,
        String objectType,
        String objectId,
        Map<String, String> payload) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,99}");
    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9._-]{0,99}");
    private static final int MAX_PAYLOAD_VALUE = 1000;
    /** Keeps the stored JSON (escaping may double it) inside the 8,000-character payload column. */
    static final int MAX_PAYLOAD_TOTAL = 3500;

    public Evidence {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        requireName("action", action);
        requireName("objectType", objectType);
        requirePrintable("objectId", objectId, 200);
        payload = new TreeMap<>(payload == null ? Map.of() : payload);
        payload.forEach((k, v) -> {
            if (!KEY.matcher(k).matches()) {
                throw new IllegalArgumentException("payload key must match " + KEY.pattern());
            }
            requirePrintable("payload value", v, MAX_PAYLOAD_VALUE);
        });
        int total = payload.entrySet().stream()
                .mapToInt(e -> e.getKey().length() + e.getValue().length())
                .sum();
        if (total > MAX_PAYLOAD_TOTAL) {
            throw new IllegalArgumentException(
                    "payload keys and values must total at most " + MAX_PAYLOAD_TOTAL + " characters");
        }
        payload = java.util.Collections.unmodifiableMap(payload);
    }

    public static Evidence of(
            Instant occurredAt,
            Actor actor,
            String action,
            String objectType,
            Object objectId,
            Map<String, String> payload) {
        return new Evidence(
                UUID.randomUUID(), occurredAt, actor, action, objectType, String.valueOf(objectId), payload);
    }

    private static void requireName(String what, String value) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must match " + NAME.pattern());
        }
    }

    private static void requirePrintable(String what, String value, int max) {
        if (value == null
                || value.isEmpty()
                || value.length() > max
                || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be 1-" + max + " printable characters");
        }
    }
}
