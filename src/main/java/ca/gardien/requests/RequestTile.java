package ca.gardien.requests;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The requests tile of the dashboard: open requests, those due within {@value #SOON} days, those overdue, the drafted
 * answers awaiting approval, and, while a channel has no sender (no mail server, texts kept by the shipped sender) or
 * any is held (stored before a mail server was configured), the sent answers whose message has not left, which the
 * officer must send or pass on before the link expires; each a link
 * to the queue filtered the same way. Days are counted as the queue counts them: from today in the request's
 * jurisdiction to its due date.
 */
@Component
class RequestTile implements ProgramTile {

    static final int SOON = 7;

    private final OpenRequests open;
    private final RequestViews views;
    private final AnswerNotice notice;

    RequestTile(OpenRequests open, RequestViews views, AnswerNotice notice) {
        this.open = open;
        this.views = views;
        this.notice = notice;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<Tile> tileFor(Viewer viewer) {
        if (!RequestRoles.works(viewer.roles()) && !viewer.holds(Role.AUDITOR)) {
            return Optional.empty();
        }
        // held answers counted in two statements (AnswerNotice.held); the figure shows while a channel has no sender
        // and, once every one has, while an answer stored before is still held
        long count = notice.held().size();
        var held = notice.holding().isEmpty() && count == 0 ? OptionalLong.empty() : OptionalLong.of(count);
        return Optional.of(tile(open.groups(), views::today, viewer.roles(), held));
    }

    /**
     * The tile over these counts of open requests (never the requests themselves: the queue may hold 100,000).
     *
     * @param todayOf the day it is in a jurisdiction
     * @param held the sent answers whose message has not left; empty when none can be held now
     */
    static Tile tile(
            List<OpenRequests.Group> groups, Function<String, LocalDate> todayOf, Set<Role> roles, OptionalLong held) {
        long open = 0;
        long soon = 0;
        long overdue = 0;
        long drafted = 0;
        for (var group : groups) {
            if (!group.status().isOpen()) {
                continue;
            }
            open += group.count();
            long left = ChronoUnit.DAYS.between(todayOf.apply(group.jurisdiction()), group.dueOn());
            if (left < 0) {
                overdue += group.count();
            } else if (left <= SOON) {
                soon += group.count();
            }
            if (group.status() == RequestStatus.RESPONSE_DRAFTED) {
                drafted += group.count();
            }
        }
        var figures = new ArrayList<>(List.of(
                Figure.of("dashboard.requests.open", open, "/console/requests"),
                new Figure(
                        "dashboard.requests.soon",
                        soon,
                        "/console/requests?from=0&days=" + SOON,
                        soon > 0 ? Tone.ATTENTION : Tone.NEUTRAL),
                Figure.alertWhenAny("dashboard.requests.overdue", overdue, "/console/requests?days=-1")));
        if (RequestRoles.decides(roles)) {
            figures.add(new Figure(
                    "dashboard.requests.awaiting-approval",
                    drafted,
                    "/console/requests?status=" + RequestStatus.RESPONSE_DRAFTED.name(),
                    drafted > 0 ? Tone.ATTENTION : Tone.NEUTRAL));
        }
        held.ifPresent(count -> figures.add(new Figure(
                "dashboard.requests.held",
                count,
                "/console/requests?status=" + QueueQuery.HELD,
                count > 0 ? Tone.ATTENTION : Tone.NEUTRAL)));
        return new Tile("dashboard.requests.title", "/console/requests", figures);
    }
}
