package ca.gardien.complaints;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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

    private final Complaints complaints;
    private final ca.gardien.mail.Outbox outbox;
    private final ca.gardien.mail.OutboxViews mail;

    ComplaintTile(Complaints complaints, ca.gardien.mail.Outbox outbox, ca.gardien.mail.OutboxViews mail) {
        this.complaints = complaints;
        this.outbox = outbox;
        this.mail = mail;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public Optional<Tile> tileFor(Viewer viewer) {
        boolean all = viewer.holds(Role.PRIVACY_OFFICER) || viewer.holds(Role.DELEGATE);
        if (!all && !(viewer.holds(Role.STAFF) && viewer.accountId().isPresent())) {
            return Optional.empty();
        }
        var mine = all ? null : viewer.accountId().get();
        var counts = complaints.counts(mine);
        var figures = new java.util.ArrayList<>(List.of(
                Figure.of("complaints.tile.open", counts[0], link(counts[0], "?status=" + PENDING)),
                Figure.alertWhenAny("complaints.tile.due-soon", counts[1], link(counts[1], "?urgency=DUE_SOON")),
                Figure.alertWhenAny("complaints.tile.overdue", counts[2], link(counts[2], "?urgency=OVERDUE"))));
        if (!mail.deliveryConfigured()) { // answers whose email waits in the outbox: the complainant has nothing yet
            var waiting = outbox.waiting("complaint-answer", List.of(ca.gardien.mail.Message.Channel.EMAIL)).stream()
                    .map(UUID::fromString)
                    .toList();
            long held = complaints.answeredAmong(waiting, mine);
            figures.add(Figure.alertWhenAny("complaints.tile.held", held, link(held, "?status=HELD")));
        }
        return Optional.of(new Tile("complaints.tile.title", QUEUE, figures));
    }

    /** The queue filtered to what the figure counts; no link when it counts nothing. */
    private static String link(long count, String filter) {
        return count == 0 ? null : QUEUE + filter;
    }
}
