package ca.gardien.inventory;

import ca.gardien.organization.Organization;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public privacy notice at {@code /privacy}, French by default and English with {@code ?lang=en}: the version in
 * force, as the person in charge approved it; until a first approval, the notice generated from the current map. A
 * change to the map reaches the public only when approved (the console shows the draft and what it would change).
 */
@Controller
class PrivacyNoticePage {

    private final Inventory inventory;
    private final Organization organization;
    private final NoticeVersions versions;
    private final MessageSource messages;

    PrivacyNoticePage(Inventory inventory, Organization organization, NoticeVersions versions, MessageSource messages) {
        this.inventory = inventory;
        this.organization = organization;
        this.versions = versions;
        this.messages = messages;
    }

    @GetMapping("/privacy")
    String notice(Model model, Locale locale) {
        var inForce = versions.latest(); // read whole; the list of versions without their texts
        model.addAttribute("versions", versions.all());
        if (inForce.isPresent()) {
            return version(inForce.get(), true, model, locale);
        }
        organization.profile().ifPresent(p -> model.addAttribute("profile", p));
        model.addAttribute("notice", PrivacyNotice.of(inventory.current(), locale, messages));
        model.addAttribute("statements", versions.statements(locale));
        return "inventory/privacy";
    }

    /** Every approved version stays readable, as approved. */
    @GetMapping("/privacy/versions/{version}")
    String version(@PathVariable String version, Model model, Locale locale) {
        Optional<NoticeVersion> found =
                version.matches("[1-9][0-9]{0,8}") ? versions.find(Integer.parseInt(version)) : Optional.empty();
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        // an older version says it was replaced (officer's review: it read as the policy in force)
        model.addAttribute(
                "superseded", versions.all().getLast().version() > found.get().version());
        return version(found.get(), false, model, locale);
    }

    private static String version(NoticeVersion version, boolean inForce, Model model, Locale locale) {
        model.addAttribute("version", version);
        model.addAttribute("inForce", inForce);
        model.addAttribute("blocks", NoticeMarkup.blocks(version.text(locale)));
        return "inventory/privacy-version";
    }
}
