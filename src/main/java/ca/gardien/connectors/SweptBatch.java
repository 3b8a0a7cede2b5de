package ca.gardien.connectors;

import java.util.List;
import java.util.Map;

/**
 * What one batch of a retention sweep did, or would do for a dry run: the swept rows' primary keys as text, the last
 * key read (held rows included, so that the next batch starts after it), the rows destroyed per table (children
 * included), the links nulled per {@code table.columns}, the rows anonymized, the rows held, and whether more may follow.
 */
public record SweptBatch(
        List<List<String>> keys,
        List<String> last,
        Map<String, Long> destroyed,
        Map<String, Long> unlinked,
        long anonymized,
        long held,
        boolean more) {}
