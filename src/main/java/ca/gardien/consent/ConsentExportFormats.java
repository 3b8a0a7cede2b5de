package ca.gardien.consent;

import ca.gardien.shared.Listing;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/** The export documents of consent records: RFC 4180 CSV with a header row, and a JSON array of records. */
final class ConsentExportFormats {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<String> COLUMNS = List.of(
            "id",
            "subject_id",
            "purpose",
            "state",
            "kind",
            "given_by",
            "channel",
            "notice_version",
            "age_band",
            "form_id",
            "ip_hash",
            "user_agent_hash",
            "language",
            "gpc",
            "recorded_at",
            "valid_until");

    private ConsentExportFormats() {}

    static String csv(List<ConsentRecord> records) {
        var out = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (var r : records) {
            var p = r.evidence();
            var cells = new ArrayList<Object>(Arrays.asList(
                    r.id(),
                    r.subjectId(),
                    r.purpose(),
                    r.state(),
                    r.kind(),
                    r.givenBy(),
                    r.channel(),
                    r.noticeVersion(),
                    r.ageBand(),
                    p.formId(),
                    p.ipHash(),
                    p.userAgentHash(),
                    p.language(),
                    p.gpc(),
                    r.recordedAt(),
                    r.validUntil()));
            out.append(String.join(
                            ",",
                            cells.stream()
                                    .map(c -> Listing.quote(Objects.toString(c, "")))
                                    .toList()))
                    .append("\r\n");
        }
        return out.toString();
    }

    static String json(List<ConsentRecord> records) {
        return JSON.writeValueAsString(records);
    }
}
