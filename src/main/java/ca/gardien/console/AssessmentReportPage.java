package ca.gardien.console;

import ca.gardien.assessments.AssessmentConsole;
import ca.gardien.shared.Language;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The report of an assessment from the console: one handler for its HTML preview and its PDF. */
@Controller
class AssessmentReportPage {

    private final AssessmentConsole assessments;

    AssessmentReportPage(AssessmentConsole assessments) {
        this.assessments = assessments;
    }

    /** The report preview (HTML) and its PDF, in the language asked for (not ?lang=, which switches the console's). */
    @GetMapping({"/console/assessments/{id}/report", "/console/assessments/{id}/report.pdf"})
    ResponseEntity<byte[]> report(
            @PathVariable UUID id,
            @RequestParam(name = "language", defaultValue = "fr") String lang,
            HttpServletRequest request,
            Authentication auth) {
        var locale = Language.byCode(lang).orElse(Language.FRENCH).locale();
        var pdf = request.getRequestURI().endsWith(".pdf");
        var answer = ResponseEntity.ok()
                .contentType(pdf ? MediaType.APPLICATION_PDF : new MediaType("text", "html", StandardCharsets.UTF_8));
        var body = assessments.report(id, auth, locale, pdf);
        if (pdf) {
            answer.header(HttpHeaders.CONTENT_DISPOSITION, assessments.reportDisposition(id, locale));
        }
        return answer.body(body);
    }
}
