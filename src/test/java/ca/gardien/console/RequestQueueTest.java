package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.requests.QueueQuery;
import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.RequestType;
import ca.gardien.requests.RightsRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
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
    void burnDownCountsOpenRequestsByDaysLeft() {
        var buckets = RequestQueue.burnDown(
                Map.of(
                        TODAY.minusDays(1), 1,
                        TODAY.plusDays(1), 1,
                        TODAY.plusDays(2), 1,
                        TODAY.plusDays(29), 1,
                        TODAY.plusDays(45), 1),
                TODAY);
        assertThat(buckets)
                .extracting(RequestQueue.Bucket::label)
                .containsExactly("<0", "0–3", "4–7", "8–14", "15–21", "22–30", ">30");
        assertThat(buckets).extracting(RequestQueue.Bucket::count).containsExactly(1, 2, 0, 0, 0, 1, 1);
        assertThat(buckets.get(1).height()).isEqualTo(RequestQueue.BAR_HEIGHT);
        assertThat(buckets.get(0).height()).isEqualTo(RequestQueue.BAR_HEIGHT / 2);
        assertThat(125 - RequestQueue.BAR_HEIGHT)
                .as("the tallest bar's count is drawn above it inside the picture (it was cut off)")
                .isGreaterThanOrEqualTo(14);
        assertThat(buckets.get(2).height()).isZero();
    }

    static QueueQuery.Row request(LocalDate dueOn, RequestStatus status) {
        return new QueueQuery.Row(
                UUID.randomUUID(),
                "R-2026-00001",
                RequestType.ACCESS,
                status,
                "QC",
                RightsRequest.Channel.API,
                Instant.parse("2026-05-25T12:00:00Z"),
                dueOn,
                null,
                false,
                false);
    }
}
