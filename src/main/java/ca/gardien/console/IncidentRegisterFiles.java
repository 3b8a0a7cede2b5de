package ca.gardien.console;

import ca.gardien.incidents.IncidentCaller;
import ca.gardien.incidents.RegisterFiles;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The incident register as CSV and PDF for someone signed in to the console, in the page's language: the API's
 * downloads need a token, which a browser session does not send (the officer's review of 2026-12-04 got a 401 there).
 */
@Controller
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')")
class IncidentRegisterFiles {

    private final RegisterFiles files;

    IncidentRegisterFiles(RegisterFiles files) {
        this.files = files;
    }

    @GetMapping("/console/incidents/register.csv")
    ResponseEntity<byte[]> csv(Locale locale, Authentication auth) {
        return files.spreadsheet(IncidentCaller.of(auth), locale);
    }

    @GetMapping("/console/incidents/register.pdf")
    ResponseEntity<byte[]> pdf(Locale locale, Authentication auth) {
        return files.pdf(IncidentCaller.of(auth), locale);
    }
}
