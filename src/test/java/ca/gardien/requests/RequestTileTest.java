package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.ProgramTile;
import ca.gardien.organization.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
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

        var tile = RequestTile.tile(requests, j -> TODAY, Set.of(Role.PRIVACY_OFFICER), java.util.OptionalLong.empty());

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

        var onTheDay =
                RequestTile.tile(List.of(request), j -> TODAY, Set.of(Role.STAFF), java.util.OptionalLong.empty());
        var dayAfter = RequestTile.tile(
                List.of(request), j -> TODAY.plusDays(1), Set.of(Role.STAFF), java.util.OptionalLong.empty());

        assertThat(onTheDay.figures().get(2).value()).isZero();
        assertThat(dayAfter.figures().get(2).value()).isEqualTo(1);
        assertThat(dayAfter.figures().get(1).value()).isZero();
    }

    @Test
    void onlyThoseWhoApproveSeeAnswersAwaitingApproval() {
        var requests = List.of(request(TODAY.plusDays(3), RequestStatus.RESPONSE_DRAFTED));

        assertThat(RequestTile.tile(requests, j -> TODAY, Set.of(Role.STAFF), java.util.OptionalLong.empty())
                        .figures())
                .extracting(ProgramTile.Figure::labelKey)
                .doesNotContain("dashboard.requests.awaiting-approval");
        assertThat(RequestTile.tile(requests, j -> TODAY, Set.of(Role.DELEGATE), java.util.OptionalLong.empty())
                        .figures())
                .extracting(ProgramTile.Figure::labelKey)
                .contains("dashboard.requests.awaiting-approval");
    }

    @Test
    void whileAMessageCanWaitInTheOutboxTheHeldAnswersAreCountedAndLinkToTheQueueFilterOfThem() {
        var requests = List.of(request(TODAY.plusDays(3), RequestStatus.IN_PROGRESS));

        var held = RequestTile.tile(requests, j -> TODAY, Set.of(Role.STAFF), java.util.OptionalLong.of(2))
                .figures()
                .getLast();
        assertThat(held.labelKey()).isEqualTo("dashboard.requests.held");
        assertThat(held.value()).isEqualTo(2);
        assertThat(held.link()).isEqualTo("/console/requests?status=HELD");
        assertThat(held.tone()).isEqualTo(ProgramTile.Tone.ATTENTION);
        // every channel has a sender: nothing can wait, no figure
        assertThat(RequestTile.tile(requests, j -> TODAY, Set.of(Role.STAFF), java.util.OptionalLong.empty())
                        .figures())
                .extracting(ProgramTile.Figure::labelKey)
                .doesNotContain("dashboard.requests.held");
    }

    /** One open request's group (or a closed one's, which the tile must leave out). */
    static OpenRequests.Group request(LocalDate dueOn, RequestStatus status) {
        return new OpenRequests.Group("QC", dueOn, status, 1);
    }

    @Test
    void addsUpTheCountsOfEachGroupWithTheDayOfItsJurisdiction() {
        var groups = List.of(
                new OpenRequests.Group("QC", TODAY, RequestStatus.IN_PROGRESS, 40_000),
                new OpenRequests.Group("CA", TODAY, RequestStatus.RESPONSE_DRAFTED, 25_000));

        var tile = RequestTile.tile(
                groups,
                j -> "CA".equals(j) ? TODAY.plusDays(1) : TODAY,
                Set.of(Role.PRIVACY_OFFICER),
                java.util.OptionalLong.empty());

        assertThat(tile.figures())
                .extracting(ProgramTile.Figure::value)
                .containsExactly(65_000L, 40_000L, 25_000L, 25_000L);
    }
}
