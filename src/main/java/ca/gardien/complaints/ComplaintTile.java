package ca.gardien.complaints;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The complaints tile of the dashboard: open files, due within 7 days, overdue. The person in charge and delegates
 * count every file, staff their own; auditors see no tile (the files are confidential).
 */
@Component
class ComplaintTile implements ProgramTile {

    static final String QUEUE = "/console/complaints";

    /** The queue's filter of the files still waiting for an answer: open or awaiting information. */
    private static final String PENDING = "PENDING";

    /** The queue's filter of the answered files whose answer is held in the outbox ({@link HeldAnswers}). */
    static final String HELD = "HELD";

    private final Complaints complaints;
    private final HeldAnswers heldAnswers;
    private final ca.gardien.mail.OutboxViews mail;

    ComplaintTile(Complaints complaints, HeldAnswers heldAnswers, ca.gardien.mail.OutboxViews mail) {
        this.complaints = complaints;
        this.heldAnswers = heldAnswers;
        this.mail = mail;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public Optional<Tile> tileFor(Viewer viewer) {
        boolean all = viewer.holdsAny(Role.PRIVACY_OFFICER, Role.DELEGATE);
        if (!all && !(viewer.holds(Role.STAFF) && viewer.accountId().isPresent())) {
            return Optional.empty();
        }
        var mine = all ? null : viewer.accountId().get();
        var counts = complaints.counts(mine);
        var figures = new java.util.ArrayList<>(List.of(
                Figure.of("complaints.tile.open", counts[0], link(counts[0], "?status=" + PENDING)),
                Figure.alertWhenAny("complaints.tile.due-soon", counts[1], link(counts[1], "?urgency=DUE_SOON")),
                Figure.alertWhenAny("complaints.tile.overdue", counts[2], link(counts[2], "?urgency=OVERDUE"))));
        // answers whose email has not left: the complainant has nothing yet; the files the queue's filter HELD lists to
        // this reader, shown while no mail server is configured and, once one is, while any is still held
        long held = heldAnswers.among(mine).size();
        if (!mail.deliveryConfigured() || held > 0) {
            figures.add(Figure.alertWhenAny("complaints.tile.held", held, link(held, "?status=" + HELD)));
        }
        return Optional.of(new Tile("complaints.tile.title", QUEUE, figures));
    }

    /** The queue filtered to what the figure counts; no link when it counts nothing. */
    private static String link(long count, String filter) {
        return count == 0 ? null : QUEUE + filter;
    }
}
