package ca.gardien.inventory;

import ca.gardien.shared.Actor;
import java.time.Instant;
import java.util.List;

/**
 * The officer's decision on a gap: {@code status} is one of {@link #STATUSES}; an accepted risk carries its reason;
 * who decided and when. A gap without a recorded decision is {@code open}, decided by nobody.
 */
public record GapDecision(String status, String owner, String reason, Instant decidedAt, Actor decidedBy) {

    public static final String OPEN = "open";
    public static final String IN_PROGRESS = "in-progress";
    public static final String RISK_ACCEPTED = "risk-accepted";
    public static final String RESOLVED = "resolved";
    public static final List<String> STATUSES = List.of(OPEN, IN_PROGRESS, RISK_ACCEPTED, RESOLVED);

    static final GapDecision NONE = new GapDecision(OPEN, null, null, null, null);

    /** Still waiting for work: open or in progress. */
    public boolean pending() {
        return OPEN.equals(status) || IN_PROGRESS.equals(status);
    }
}
