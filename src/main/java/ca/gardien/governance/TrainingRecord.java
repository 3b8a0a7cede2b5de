package ca.gardien.governance;

import ca.gardien.shared.Language;
import ca.gardien.shared.Listing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A campaign's record for an auditor, as CSV: each person of the audience with the version seen, the module, the time
 * of the acknowledgement (UTC) and the reminders sent; headers in the reader's language. Served by the API and by the
 * console (with the session).
 */
@Component
class TrainingRecord {

    private final Training training;
    private final MessageSource messages;

    TrainingRecord(Training training, MessageSource messages) {
        this.training = training;
        this.messages = messages;
    }

    ResponseEntity<byte[]> file(UUID campaignId, Locale locale) {
        var campaign = training.campaign(campaignId);
        var language = Language.of(locale);
        var header = List.of("username", "name", "version", "module", "acknowledged-at", "reminders").stream()
                .map(k -> messages.getMessage("governance.record." + k, null, language.locale()))
                .toList();
        var rows = training.members(campaignId).stream()
                .map(m -> List.of(
                        m.username(),
                        m.displayName() == null ? "" : m.displayName(),
                        m.versionSeen() == null ? "" : String.valueOf(m.versionSeen()),
                        m.moduleSeen() == null ? "" : m.moduleSeen(),
                        m.acknowledgedAt() == null ? "" : m.acknowledgedAt().toString(),
                        String.valueOf(m.reminders())))
                .toList();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("training-" + campaign.id() + ".csv")
                                .build()
                                .toString())
                .body(Listing.csv(header, rows).getBytes(StandardCharsets.UTF_8));
    }
}
