package ca.gardien.console;

import ca.gardien.incidents.Incidents;
import ca.gardien.incidents.RegisterExport;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The incident register as CSV and PDF for someone signed in to the console, in the page's language: the API's
 * downloads need a token, which a browser session does not send (the officer's review of 2026-12-04 got a 401 there).
 */
@Controller
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')")
class IncidentRegisterFiles {

    private final Incidents incidents;
    private final RegisterExport export;

    IncidentRegisterFiles(Incidents incidents, RegisterExport export) {
        this.incidents = incidents;
        this.export = export;
    }

    @GetMapping("/console/incidents/register.csv")
    ResponseEntity<String> csv(Locale locale) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("incident-register.csv"))
                .body(export.csv(incidents.all(), locale));
    }

    @GetMapping("/console/incidents/register.pdf")
    ResponseEntity<byte[]> pdf(Locale locale) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment("incident-register.pdf"))
                .body(export.pdf(incidents.all(), locale));
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
