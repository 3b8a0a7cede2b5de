package ca.gardien.inventory;

import ca.gardien.organization.Organization;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public privacy notice at {@code /privacy}, French by default and English with {@code ?lang=en}. */
@Controller
class PrivacyNoticePage {

    private final Inventory inventory;
    private final Organization organization;

    PrivacyNoticePage(Inventory inventory, Organization organization) {
        this.inventory = inventory;
        this.organization = organization;
    }

    @GetMapping("/privacy")
    String notice(Model model, Locale locale) {
        organization.profile().ifPresent(p -> model.addAttribute("profile", p));
        model.addAttribute("notice", PrivacyNotice.of(inventory.current(), locale));
        return "inventory/privacy";
    }
}
