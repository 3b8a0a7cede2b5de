package ca.gardien.governance;

import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.CsvFile;
import ca.gardien.shared.Language;
import ca.gardien.shared.Listing;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * A campaign's record for an auditor, as CSV: each person of the audience with the version seen, the module, the time
 * of the acknowledgement (in the organization's time zone, with its offset) and the reminders sent; headers in the
 * reader's language. Served by the API (for programs) and by the console (a file for a spreadsheet,
 * {@link CsvFile}).
 */
@Component
class TrainingRecord {

    private final Training training;
    private final MessageSource messages;
    private final OrganizationTime time;

    TrainingRecord(Training training, MessageSource messages, OrganizationTime time) {
        this.training = training;
        this.messages = messages;
        this.time = time;
    }

    /** The record for the API. */
    ResponseEntity<byte[]> file(UUID campaignId, Locale locale) {
        var document = document(campaignId, locale);
        return ResponseEntity.ok()
                .contentType(CsvFile.TYPE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename(campaignId))
                                .build()
                                .toString())
                .body(document.getBytes(StandardCharsets.UTF_8));
    }

    /** The record for the console. */
    ResponseEntity<byte[]> download(UUID campaignId, Locale locale) {
        return CsvFile.download(filename(campaignId), document(campaignId, locale));
    }

    private String document(UUID campaignId, Locale locale) {
        training.campaign(campaignId);
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
                        m.acknowledgedAt() == null ? "" : time.iso(m.acknowledgedAt()),
                        String.valueOf(m.reminders())))
                .toList();
        return Listing.csv(header, rows);
    }

    private static String filename(UUID campaignId) {
        return "training-" + campaignId + ".csv";
    }
}
