package ca.gardien.inventory;

import ca.gardien.shared.Language;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Locale;

/** An approved, numbered and dated version of the privacy notice, as plain text in French and English. */
public record NoticeVersion(
        int version,
        Instant approvedAt,
        String sha256,
        @JsonIgnore String textFr,
        @JsonIgnore String textEn) {

    public String text(Locale locale) {
        return Language.of(locale).pick(textFr, textEn);
    }
}
