package ca.gardien.incidents;

import ca.gardien.shared.CsvFile;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The register as downloadable files, one answer for the API and the console alike: the CSV and the PDF of every entry
 * the caller may read, in the given language, as attachments named in that language too ({@code registre-incidents.csv},
 * {@code incident-register.csv}; officer's walk: an English name on a French console).
 */
@Component
@org.springframework.modulith.NamedInterface("actions")
public class RegisterFiles {

    private final Incidents incidents;
    private final RegisterExport export;
    private final MessageSource messages;

    RegisterFiles(Incidents incidents, RegisterExport export, MessageSource messages) {
        this.incidents = incidents;
        this.export = export;
        this.messages = messages;
    }

    /** The CSV for a program (the API). */
    public ResponseEntity<String> csv(IncidentCaller caller, Locale locale) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name(locale, ".csv")))
                .body(export.csv(incidents.all(caller), locale));
    }

    /** The CSV for a spreadsheet (the console). */
    public ResponseEntity<byte[]> spreadsheet(IncidentCaller caller, Locale locale) {
        return CsvFile.download(name(locale, ".csv"), export.csv(incidents.all(caller), locale));
    }

    /** The PDF, read and rendered in one of the reader's download turns ({@link ca.gardien.shared.PdfDownloads}). */
    public ResponseEntity<byte[]> pdf(IncidentCaller caller, Locale locale) {
        var pdf = ca.gardien.shared.PdfDownloads.render(() -> export.pdf(incidents.all(caller), locale));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(name(locale, ".pdf")))
                .body(pdf);
    }

    /** The file's name in the reader's language. */
    private String name(Locale locale, String extension) {
        return messages.getMessage("incidents.register.file", null, "incident-register", locale) + extension;
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
