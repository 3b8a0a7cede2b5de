package ca.gardien.console;

import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.Organization;
import ca.gardien.organization.OrganizationProfile;
import ca.gardien.shared.FieldError;
import jakarta.validation.Validator;
import java.util.Comparator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

@Controller
@RequestMapping("/console/organization")
@PreAuthorize("hasRole('PRIVACY_OFFICER')")
class OrganizationPage {

    private final Organization organization;
    private final Validator validator;

    OrganizationPage(Organization organization, Validator validator) {
        this.organization = organization;
        this.validator = validator;
    }

    @GetMapping
    String form(Model model) {
        model.addAttribute("form", organization.profile().map(ProfileForm::of).orElseGet(ProfileForm::empty));
        return "console/organization";
    }

    @PostMapping
    String save(@ModelAttribute("form") ProfileForm form, Authentication auth, Model model) {
        OrganizationProfile profile = form.toProfile();
        var violations = validator.validate(profile);
        if (!violations.isEmpty()) {
            model.addAttribute(
                    "errors",
                    violations.stream()
                            .map(v -> new FieldError(inputOf(v.getPropertyPath().toString()), v.getMessage()))
                            .sorted(Comparator.comparing(FieldError::field))
                            .toList());
            return "console/organization";
        }
        organization.update(profile, CurrentActor.of(auth));
        return "redirect:/console/organization?saved";
    }

    /** The form's input for a property of the profile ({@code personInCharge.name} → {@code officerName}). */
    static String inputOf(String property) {
        var dot = property.lastIndexOf('.');
        var leaf = property.substring(dot + 1);
        var capitalized = leaf.isEmpty() ? leaf : Character.toUpperCase(leaf.charAt(0)) + leaf.substring(1);
        if (property.startsWith("personInCharge.")) {
            return "officer" + capitalized;
        }
        if (property.startsWith("acting.")) {
            return "acting" + capitalized;
        }
        return leaf;
    }
}
