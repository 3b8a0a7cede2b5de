package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.RequestType;
import ca.gardien.requests.RightsRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestQueueTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    @Test
    void labelsUrgencyByDaysLeftBeforeTheDueDate() {
        assertThat(RequestQueue.row(request(TODAY.minusDays(1), RequestStatus.IN_PROGRESS), TODAY)
                        .urgency())
                .isEqualTo("overdue");
        assertThat(RequestQueue.row(request(TODAY, RequestStatus.RECEIVED), TODAY)
                        .urgency())
                .isEqualTo("urgent");
        assertThat(RequestQueue.row(request(TODAY.plusDays(3), RequestStatus.RECEIVED), TODAY)
                        .urgency())
                .isEqualTo("urgent");
        assertThat(RequestQueue.row(request(TODAY.plusDays(7), RequestStatus.RECEIVED), TODAY)
                        .urgency())
                .isEqualTo("soon");
        assertThat(RequestQueue.row(request(TODAY.plusDays(8), RequestStatus.RECEIVED), TODAY)
                        .urgency())
                .isEqualTo("ok");
        assertThat(RequestQueue.row(request(TODAY.minusDays(5), RequestStatus.SENT), TODAY)
                        .urgency())
                .isEqualTo("closed");
        assertThat(RequestQueue.row(request(TODAY.minusDays(5), RequestStatus.RECEIVED), TODAY)
                        .days())
                .isEqualTo(5);
    }

    @Test
    void sortsByDueDateAndKeepsOnlyThoseWithinTheDaysLeftChosen() {
        var late = request(TODAY.plusDays(20), RequestStatus.RECEIVED);
        var soon = request(TODAY.plusDays(2), RequestStatus.IN_PROGRESS);
        var overdue = request(TODAY.minusDays(2), RequestStatus.IN_PROGRESS);
        var rows = RequestQueue.rows(List.of(late, soon, overdue), r -> TODAY, null);
        assertThat(rows).extracting(RequestQueue.Row::request).containsExactly(overdue, soon, late);
        assertThat(RequestQueue.rows(List.of(late, soon, overdue), r -> TODAY, 3))
                .extracting(RequestQueue.Row::request)
                .containsExactly(overdue, soon);
        assertThat(RequestQueue.rows(List.of(late, soon, overdue), r -> TODAY, -1))
                .extracting(RequestQueue.Row::request)
                .containsExactly(overdue);
    }

    @Test
    void burnDownCountsOpenRequestsByDaysLeft() {
        var rows = RequestQueue.rows(
                List.of(
                        request(TODAY.minusDays(1), RequestStatus.IN_PROGRESS),
                        request(TODAY.plusDays(1), RequestStatus.RECEIVED),
                        request(TODAY.plusDays(2), RequestStatus.RECEIVED),
                        request(TODAY.plusDays(29), RequestStatus.RECEIVED),
                        request(TODAY.plusDays(45), RequestStatus.RECEIVED),
                        request(TODAY.plusDays(2), RequestStatus.CLOSED)),
                r -> TODAY,
                null);
        var buckets = RequestQueue.burnDown(rows);
        assertThat(buckets)
                .extracting(RequestQueue.Bucket::label)
                .containsExactly("<0", "0–3", "4–7", "8–14", "15–21", "22–30", ">30");
        assertThat(buckets).extracting(RequestQueue.Bucket::count).containsExactly(1, 2, 0, 0, 0, 1, 1);
        assertThat(buckets.get(1).height()).isEqualTo(RequestQueue.BAR_HEIGHT);
        assertThat(buckets.get(0).height()).isEqualTo(RequestQueue.BAR_HEIGHT / 2);
        assertThat(buckets.get(2).height()).isZero();
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
