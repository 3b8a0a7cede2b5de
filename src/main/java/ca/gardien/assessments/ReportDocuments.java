package ca.gardien.assessments;

import ca.gardien.shared.Language;
import ca.gardien.shared.PdfDocuments;
import ca.gardien.shared.PdfDownloads;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.stereotype.Component;

/**
 * The report people read: an approved assessment's French report as it was approved — the document whose SHA-256 the
 * {@code assessments.approved} fact records, so that anyone can check it against the ledger (a new rendering differed:
 * it adds the digest line, and any later wording) — and otherwise the report rendered now (a draft, the English
 * translation of an approved one, or one approved before reports were kept).
 */
@Component
class ReportDocuments {

    private final AssessmentReport report;
    private final AssessmentStore store;
    private final MessageSource messages;

    ReportDocuments(AssessmentReport report, AssessmentStore store, MessageSource messages) {
        this.report = report;
        this.store = store;
        this.messages = messages;
    }

    String html(Assessment a, Locale locale) {
        if (a.status() == AssessmentStatus.APPROVED && Language.of(locale) == Language.FRENCH) {
            var kept = store.document(a.id());
            if (kept.isPresent()) {
                return kept.get();
            }
        }
        return report.html(a, locale);
    }

    /** The report's PDF, in one of the reader's download turns ({@link PdfDownloads}). */
    byte[] pdf(Assessment a, Locale locale) {
        return PdfDownloads.render(() -> PdfDocuments.fromXhtml(html(a, locale), messages, locale));
    }

    /**
     * The {@code Content-Disposition} of the report's PDF, shown in the browser and saved under a name in the report's
     * language (officer's walk: it had none): the console's download and the API's give the same.
     */
    String pdfDisposition(UUID id, Locale locale) {
        var name = messages.getMessage("assessments.report.file", null, locale) + "-"
                + id.toString().substring(0, 8) + ".pdf";
        return ContentDisposition.inline().filename(name).build().toString();
    }
}
