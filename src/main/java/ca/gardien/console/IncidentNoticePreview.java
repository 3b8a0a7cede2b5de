package ca.gardien.console;

import ca.gardien.incidents.IncidentCaller;
import ca.gardien.incidents.IncidentNotices;
import ca.gardien.incidents.Incidents;
import ca.gardien.organization.Organization;
import ca.gardien.shared.Language;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A notice of an entry previewed in the console, in French or English: a console page (its stylesheet, a way back to
 * the entry) that shows the notice's fields as the documents hold them, a value of several parts one part a line.
 */
@Controller
class IncidentNoticePreview {

    private final Incidents incidents;
    private final IncidentNotices notices;
    private final Organization organization;

    IncidentNoticePreview(Incidents incidents, IncidentNotices notices, Organization organization) {
        this.incidents = incidents;
        this.notices = notices;
        this.organization = organization;
    }

    /** The profile gives no Québec enterprise number, which the notice to the Commission asks for (Reg. s. 3). */
    static boolean neqMissing(Organization organization) {
        return organization.profile().map(p -> p.neq() == null).orElse(true);
    }

    @GetMapping("/console/incidents/{id}/notices/{which}")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')") // as the API: not staff (IncidentCaller)
    String preview(
            @PathVariable UUID id,
            @PathVariable String which,
            @RequestParam(name = "in", defaultValue = "fr") String lang,
            Authentication auth,
            Model model) {
        var incident = incidents.get(id, IncidentCaller.of(auth));
        var locale = Language.byCode(lang).orElse(Language.FRENCH).locale();
        model.addAttribute("i", incident);
        model.addAttribute("notice", notices.view(id, which, locale));
        model.addAttribute("neqMissing", "commission".equals(which) && neqMissing(organization));
        return "console/notice-preview";
    }
}
