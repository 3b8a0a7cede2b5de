package ca.gardien.inventory;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.TypedText;
import java.util.ArrayList;
import java.util.Objects;

/**
 * A decision on a gap as the officer gives it, checked before anything is read or written: a known status, an owner of
 * one plain line, a reason of plain paragraphs (no control characters, direction overrides, NUL or lone surrogates: the
 * ledger's digests are of what is stored and shown), and a reason a person can read where one is required — not only
 * no-break or zero-width spaces (attacker's review).
 */
record GapDecisionInput(String status, String owner, String reason) {

    static final int MAX_OWNER = 200;
    static final int MAX_REASON = 2000;

    /** How the data map's decisions word a refused text (the notice's approval reason too). */
    static final TypedText TEXT = new TypedText(
            "shared.field.required", "inventory.gap-decision.too-long", "shared.field.control-characters");

    /** @throws InvalidInputException naming every refused field */
    static GapDecisionInput checked(String status, String owner, String reason) {
        var errors = new ArrayList<FieldError>();
        if (status == null || !GapDecision.STATUSES.contains(status)) {
            errors.add(
                    FieldError.of("status", "inventory.gap-decision.status", String.join(", ", GapDecision.STATUSES)));
        }
        owner = TEXT.line(errors, "owner", owner, MAX_OWNER, false);
        int beforeReason = errors.size();
        reason = TEXT.prose(errors, "reason", reason, MAX_REASON, false);
        if (errors.size() == beforeReason && GapDecision.RISK_ACCEPTED.equals(status) && reason == null) {
            errors.add(FieldError.of("reason", "inventory.gap-decision.reason-required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new GapDecisionInput(status, owner, reason);
    }

    /** Whether this decision is the one the gap already has: saving it again records nothing. */
    boolean sameAs(GapDecision current) {
        return status.equals(current.status())
                && Objects.equals(owner, current.owner())
                && Objects.equals(reason, current.reason());
    }
}
