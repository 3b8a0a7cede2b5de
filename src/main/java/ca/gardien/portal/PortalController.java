package ca.gardien.portal;

import ca.gardien.organization.Organization;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page and the person in charge's published title and contact information (s. 3.1). */
@Controller
class PortalController {

    private final Organization organization;

    PortalController(Organization organization) {
        this.organization = organization;
    }

    @GetMapping("/")
    String home(Model model) {
        organization.profile().ifPresent(p -> model.addAttribute("profile", p));
        return "portal/home";
    }

    @GetMapping("/privacy/contact")
    String contact(Model model) {
        organization.profile().ifPresent(p -> model.addAttribute("profile", p));
        return "portal/contact";
    }
}
