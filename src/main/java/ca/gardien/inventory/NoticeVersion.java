package ca.gardien.inventory;

import ca.gardien.shared.Language;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Locale;

/**
 * An approved, numbered and dated version of the privacy notice, as plain text in French and English, with the reason
 * the person in charge gave for approving it while gaps or placeholders stood against it (null when none was needed;
 * shown in the console, its digest in the ledger). In a list ({@link NoticeVersions#all}) the texts are not read: null.
 */
public record NoticeVersion(
        int version,
        Instant approvedAt,
        String sha256,
        @JsonIgnore String textFr,
        @JsonIgnore String textEn,
        @JsonIgnore String reason) {

    public String text(Locale locale) {
        return Language.of(locale).pick(textFr, textEn);
    }
}
