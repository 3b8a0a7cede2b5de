package ca.gardien.consent;

import java.time.Instant;
import java.util.List;

/**
 * A page of the consent history for the console: every record (all subjects), filtered by purpose, state and time of
 * recording, newest or oldest first, keyset on the record's sequence number.
 *
 * @param from first instant kept (inclusive), or null
 * @param to first instant no longer kept (exclusive), or null
 * @param after the sequence number of the previous page's last row, or null for the first page
 */
public record ConsentQuery(
        String purpose, ConsentTerms.State state, Instant from, Instant to, boolean ascending, Long after, int size) {

    /** One line of the history: what was chosen, how and when; no identifier of the person. */
    public record Row(
            long seq,
            Instant recordedAt,
            String purpose,
            ConsentTerms.State state,
            ConsentTerms.Kind kind,
            ConsentTerms.GivenBy givenBy,
            ConsentTerms.Channel channel,
            String noticeVersion,
            Instant validUntil) {

        public List<String> keyset() {
            return List.of(Long.toString(seq));
        }
    }
}
