package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The request's history reads in the order things happened, although the facts of one transaction may reach the
 * ledger's chain in another order (officer's walk: the in-person check of identity, #154, sat after #149–153 it caused).
 */
class RequestTimelineTest {

    private static final Instant AT = Instant.parse("2026-12-05T14:00:00Z");

    private static RequestView.TimelineEntry fact(long sequence, long micros, String action) {
        return new RequestView.TimelineEntry(
                sequence, AT.plusNanos(micros * 1000), "requests." + action, "ACCOUNT:a", "{}", 1);
    }

    @Test
    void aFactIsShownWhereItHappenedNotWhereTheChainReceivedIt() {
        var chain = List.of(
                fact(149, 2, "identity-reviewed"),
                fact(150, 3, "identity-verified"),
                fact(151, 4, "task-opened"),
                fact(152, 4, "task-opened"),
                fact(153, 5, "in-progress"),
                fact(154, 1, "person-verified"));

        var timeline = RequestTimeline.folded(chain);

        assertThat(timeline)
                .extracting(RequestView.TimelineEntry::sequence)
                .as("the check first; facts of the same instant keep the chain's order")
                .containsExactly(154L, 149L, 150L, 151L, 152L, 153L);
    }

    @Test
    void foldedViewsStillSitWhereTheLastViewHappened() {
        var chain =
                List.of(fact(10, 5, "identifiers-viewed"), fact(11, 1, "received"), fact(12, 9, "identifiers-viewed"));

        var timeline = RequestTimeline.folded(chain);

        assertThat(timeline).extracting(RequestView.TimelineEntry::sequence).containsExactly(11L, 12L);
        assertThat(timeline.getLast().times()).isEqualTo(2);
    }
}
