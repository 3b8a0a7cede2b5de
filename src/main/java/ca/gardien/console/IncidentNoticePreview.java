package ca.gardien.console;

import ca.gardien.incidents.IncidentCaller;
import ca.gardien.incidents.IncidentNotices;
import ca.gardien.incidents.Incidents;
import ca.gardien.organization.Organization;
import ca.gardien.shared.FileNames;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Language;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A notice of an entry previewed in the console, in French or English: a console page (its stylesheet, a way back to
 * the entry) that shows the notice's fields as the documents hold them, a value of several parts one part a line; and
 * the notice's PDF, served to the console's session (officer review: the PDF needed an API token).
 */
@Controller
class IncidentNoticePreview {

    private final Incidents incidents;
    private final IncidentNotices notices;
    private final Organization organization;
    private final org.springframework.context.MessageSource messages;

    IncidentNoticePreview(
            Incidents incidents,
            IncidentNotices notices,
            Organization organization,
            org.springframework.context.MessageSource messages) {
        this.incidents = incidents;
        this.notices = notices;
        this.organization = organization;
        this.messages = messages;
    }

    /** The profile gives no Québec enterprise number, which the notice to the Commission asks for (Reg. s. 3). */
    static boolean neqMissing(Organization organization) {
        return organization.profile().map(p -> p.neq() == null).orElse(true);
    }

    /**
     * The notice's language, {@code fr} or {@code en}: anything else is a 400 naming the field (an attacker's probe found
     * {@code in=xx}, a value of 100,000 characters and {@code in=en&in=fr} all answered with the French notice, as if
     * they had been asked for).
     */
    static Locale language(String code) {
        return Language.byCode(code)
                .orElseThrow(() -> new InvalidInputException("in", "shared.field.language"))
                .locale();
    }

    @GetMapping("/console/incidents/{id}/notices/{which}")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')") // as the API: not staff (IncidentCaller)
    String preview(
            @PathVariable UUID id,
            @PathVariable String which,
            @RequestParam(name = "in", defaultValue = "fr") String lang,
            Authentication auth,
            Model model) {
        var locale = language(lang);
        var incident = incidents.get(id, IncidentCaller.of(auth));
        model.addAttribute("i", incident);
        model.addAttribute("notice", notices.view(id, which, locale));
        // a placeholder printed where the regulation asks for content: said above the notice, each with where to give
        // it
        model.addAttribute(
                "gaps", IncidentNoticeGap.of(id, notices.missing(incident, notices.personAdvice(id), which)));
        model.addAttribute("neqMissing", "commission".equals(which) && neqMissing(organization));
        model.addAttribute("which", which);
        model.addAttribute("noticeLanguage", locale.getLanguage());
        return "console/notice-preview";
    }

    /** The notice's PDF, as the API gives it, to whoever may preview it; named after the entry and the language. */
    @GetMapping("/console/incidents/{id}/notices/{which}.pdf")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')")
    ResponseEntity<byte[]> pdf(
            @PathVariable UUID id,
            @PathVariable String which,
            @RequestParam(name = "in", defaultValue = "fr") String lang,
            Authentication auth) {
        var locale = language(lang);
        var incident = incidents.get(id, IncidentCaller.of(auth));
        var pdf = notices.pdf(id, which, locale); // an unknown notice: 404
        var kind = messages.getMessage( // named in the notice's language (officer's review: avis-… for English)
                "persons".equals(which) ? "incidents.notice.file.persons" : "incidents.notice.file.commission",
                null,
                locale);
        var name = ConsoleFiles.slug(kind + " " + (incident.reference() == null ? id : incident.reference())) + "-"
                + locale.getLanguage() + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.disposition(name)) // "Download": an attachment
                .body(pdf);
    }
}
