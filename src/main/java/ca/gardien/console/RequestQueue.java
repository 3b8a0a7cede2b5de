package ca.gardien.console;

import ca.gardien.requests.QueueQuery;
import ca.gardien.requests.RightsRequest;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The console's view of the queue: days left before each request's legal due date, an urgency label, and the
 * burn-down of open requests by days left. Pure computation over a given "today", so that it is tested with fixed dates.
 */
final class RequestQueue {

    /** One line of the queue. {@code urgency} is overdue, urgent (≤ 3 days), soon (≤ 7), ok, or closed. */
    record Row(QueueQuery.Row request, long daysLeft, String urgency) {
        /** Days left, or days overdue, without the sign (for the label). */
        public long days() {
            return Math.abs(daysLeft);
        }
    }

    /** One bar of the burn-down: open requests whose days left fall in [{@code from}, {@code to}]. */
    record Bucket(String label, int count, int height) {}

    /** Bucket bounds in days left; the first is "overdue", the last is open-ended. */
    static final int[][] BUCKETS = {
        {Integer.MIN_VALUE, -1}, {0, 3}, {4, 7}, {8, 14}, {15, 21}, {22, 30}, {31, Integer.MAX_VALUE}
    };

    static final int BAR_HEIGHT = 105; // the tallest bar's count, drawn above it, stays inside the picture

    private RequestQueue() {}

    /** The urgency of one request (the request page shows it too). */
    static Row row(RightsRequest r, LocalDate today) {
        return row(
                new QueueQuery.Row(
                        r.id(),
                        r.reference(),
                        r.type(),
                        r.status(),
                        r.jurisdiction(),
                        r.channel(),
                        r.receivedAt(),
                        r.dueOn(),
                        null,
                        false,
                        false), // its urgency only: the request's page says itself where its answer is
                today);
    }

    static Row row(QueueQuery.Row request, LocalDate today) {
        long left = ChronoUnit.DAYS.between(today, request.dueOn());
        return new Row(request, left, request.status().isOpen() ? urgency(left) : "closed");
    }

    static String urgency(long daysLeft) {
        if (daysLeft < 0) return "overdue";
        if (daysLeft <= 3) return "urgent";
        if (daysLeft <= 7) return "soon";
        return "ok";
    }

    /** Open requests by days left, as bars scaled to the largest, from their counts by due date. */
    static List<Bucket> burnDown(Map<LocalDate, Integer> openByDueDate, LocalDate today) {
        var counts = new int[BUCKETS.length];
        openByDueDate.forEach((due, n) -> {
            long left = ChronoUnit.DAYS.between(today, due);
            for (int i = 0; i < BUCKETS.length; i++) {
                if (left >= BUCKETS[i][0] && left <= BUCKETS[i][1]) {
                    counts[i] += n;
                }
            }
        });
        int max = java.util.Arrays.stream(counts).max().orElse(0);
        var buckets = new ArrayList<Bucket>();
        for (int i = 0; i < BUCKETS.length; i++) {
            int height = max == 0 ? 0 : Math.max(counts[i] == 0 ? 0 : 2, counts[i] * BAR_HEIGHT / max);
            buckets.add(new Bucket(label(i), counts[i], height));
        }
        return buckets;
    }

    private static String label(int i) {
        if (i == 0) return "<0";
        if (i == BUCKETS.length - 1) return ">" + (BUCKETS[i][0] - 1);
        return BUCKETS[i][0] + "–" + BUCKETS[i][1];
    }
}
