package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The requests tile counts open, due-soon and overdue requests against a fixed "today" and links to the queue. */
class RequestTileTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    @Test
    void countsOpenDueWithinSevenDaysAndOverdueRequestsAgainstToday() {
        var requests = List.of(
                request(TODAY.minusDays(1), RequestStatus.IN_PROGRESS),
                request(TODAY, RequestStatus.RECEIVED),
                request(TODAY.plusDays(7), RequestStatus.RESPONSE_DRAFTED),
                request(TODAY.plusDays(8), RequestStatus.RECEIVED),
                request(TODAY.minusDays(30), RequestStatus.SENT));

        var tile = RequestTile.tile(requests, r -> TODAY, Set.of(Role.PRIVACY_OFFICER));

        assertThat(tile.figures())
                .extracting(ProgramTile.Figure::labelKey, ProgramTile.Figure::value, ProgramTile.Figure::link)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("dashboard.requests.open", 4L, "/console/requests"),
                        org.assertj.core.groups.Tuple.tuple(
                                "dashboard.requests.soon", 2L, "/console/requests?from=0&days=7"),
                        org.assertj.core.groups.Tuple.tuple(
                                "dashboard.requests.overdue", 1L, "/console/requests?days=-1"),
                        org.assertj.core.groups.Tuple.tuple(
                                "dashboard.requests.awaiting-approval",
                                1L,
                                "/console/requests?status=RESPONSE_DRAFTED"));
        assertThat(tile.figures().get(2).tone()).isEqualTo(ProgramTile.Tone.ALERT);
    }

    @Test
    void theDayAfterTheDueDateARequestTurnsOverdue() {
        var request = request(TODAY, RequestStatus.IN_PROGRESS);

        var onTheDay = RequestTile.tile(List.of(request), r -> TODAY, Set.of(Role.STAFF));
        var dayAfter = RequestTile.tile(List.of(request), r -> TODAY.plusDays(1), Set.of(Role.STAFF));

        assertThat(onTheDay.figures().get(2).value()).isZero();
        assertThat(dayAfter.figures().get(2).value()).isEqualTo(1);
        assertThat(dayAfter.figures().get(1).value()).isZero();
    }

    @Test
    void onlyThoseWhoApproveSeeAnswersAwaitingApproval() {
        var requests = List.of(request(TODAY.plusDays(3), RequestStatus.RESPONSE_DRAFTED));

        assertThat(RequestTile.tile(requests, r -> TODAY, Set.of(Role.STAFF)).figures())
                .extracting(ProgramTile.Figure::labelKey)
                .doesNotContain("dashboard.requests.awaiting-approval");
        assertThat(RequestTile.tile(requests, r -> TODAY, Set.of(Role.DELEGATE)).figures())
                .extracting(ProgramTile.Figure::labelKey)
                .contains("dashboard.requests.awaiting-approval");
    }

    static RightsRequest request(LocalDate dueOn, RequestStatus status) {
        return new RightsRequest(
                UUID.randomUUID(),
                RequestType.ACCESS,
                status,
                "QC",
                RightsRequest.Channel.API,
                "fr",
                null,
                null,
                null,
                RightsRequest.Review.NOT_REQUIRED,
                RightsRequest.Review.NOT_REQUIRED,
                Instant.parse("2026-05-25T12:00:00Z"),
                dueOn,
                null,
                null,
                List.of(),
                null,
                null,
                0);
    }
}
