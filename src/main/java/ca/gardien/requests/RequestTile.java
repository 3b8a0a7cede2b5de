package ca.gardien.requests;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The requests tile of the dashboard: open requests, those due within {@value #SOON} days, those overdue, and the
 * drafted answers awaiting approval, each a link to the queue filtered the same way. Days are counted as the queue
 * counts them: from today in the request's jurisdiction to its due date.
 */
@Component
class RequestTile implements ProgramTile {

    static final int SOON = 7;

    private final RequestViews views;

    RequestTile(RequestViews views) {
        this.views = views;
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
        return Optional.of(tile(views.queue(null, null), views::today, viewer.roles()));
    }

    /**
     * The tile over these requests.
     *
     * @param todayOf the day it is in a request's jurisdiction
     */
    static Tile tile(List<RightsRequest> requests, Function<RightsRequest, LocalDate> todayOf, Set<Role> roles) {
        long open = 0;
        long soon = 0;
        long overdue = 0;
        long drafted = 0;
        for (var request : requests) {
            if (!request.status().isOpen()) {
                continue;
            }
            open++;
            long left = ChronoUnit.DAYS.between(todayOf.apply(request), request.dueOn());
            if (left < 0) {
                overdue++;
            } else if (left <= SOON) {
                soon++;
            }
            if (request.status() == RequestStatus.RESPONSE_DRAFTED) {
                drafted++;
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
        return new Tile("dashboard.requests.title", "/console/requests", figures);
    }
}
