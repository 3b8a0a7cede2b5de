package ca.gardien.ledger;

import ca.gardien.shared.Actor;
import java.time.Instant;
import java.util.UUID;

/** One link of the evidence chain, exactly as stored and exported. {@code payload} is compact JSON text. */
@org.springframework.modulith.NamedInterface("views")
public record LedgerEntry(
        long sequence,
        UUID eventId,
        Instant recordedAt,
        Instant occurredAt,
        Actor actor,
        String action,
        String objectType,
        String objectId,
        String payload,
        String prevHash,
        String hash) {

    /** The same entry linked after {@code newPrevHash}, with its hash computed over the canonical form. */
    LedgerEntry linkedAfter(String newPrevHash) {
        var unhashed = new LedgerEntry(
                sequence,
                eventId,
                recordedAt,
                occurredAt,
                actor,
                action,
                objectType,
                objectId,
                payload,
                newPrevHash,
                null);
        return unhashed.withHash(CanonicalForm.entryHash(unhashed));
    }

    /** The same entry with {@code newHash}, which the caller computed over its canonical form. */
    LedgerEntry withHash(String newHash) {
        return new LedgerEntry(
                sequence,
                eventId,
                recordedAt,
                occurredAt,
                actor,
                action,
                objectType,
                objectId,
                payload,
                prevHash,
                newHash);
    }

    /** The payload as recorded, indented to be read (the raw entry of the console's ledger page). */
    public String indentedPayload() {
        return ca.gardien.shared.PayloadFields.indented(payload);
    }

    /** A text field of the payload ({@code method}, {@code kind}, {@code basis} …), or null: the words of a step. */
    public String detail(String name) {
        return ca.gardien.shared.PayloadFields.text(payload, name);
    }
}
