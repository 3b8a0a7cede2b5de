package ca.gardien.consent;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The export document of consent records for programs: a JSON array of the records as they are. The CSV for people is
 * the console's, in the reader's language.
 */
final class ConsentExportFormats {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConsentExportFormats() {}

    static String json(List<ConsentRecord> records) {
        return JSON.writeValueAsString(records);
    }
}
