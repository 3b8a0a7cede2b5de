package ca.gardien.console;

import ca.gardien.organization.CurrentActor;
import ca.gardien.organization.Organization;
import ca.gardien.organization.OrganizationProfile;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

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
        var profile = organization.profile();
        model.addAttribute("form", profile.map(ProfileForm::of).orElseGet(ProfileForm::empty));
        // the profile the form shows: a save checks that nobody changed it meanwhile
        model.addAttribute("basis", profile.map(Organization::version).orElse(""));
        return "console/organization";
    }

    @PostMapping
    String save(
            @ModelAttribute("form") ProfileForm form,
            @RequestParam(required = false) String basis,
            Authentication auth,
            Model model) {
        model.addAttribute("basis", basis);
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
        if (basis == null) { // a form that does not say what it replaces would save over anything (attacker's probe)
            model.addAttribute("errors", List.of(FieldError.of("form", "organization.conflict.form-without-basis")));
            return "console/organization";
        }
        try {
            // always checked: a blank basis is a form opened before there was any profile (the API's If-Match stays
            // optional)
            organization.update(profile, basis.strip(), CurrentActor.of(auth));
        } catch (ConflictException changed) { // what was typed stays; the page says to reload and see the other change
            model.addAttribute("errors", List.of(FieldError.of("form", changed.key())));
            return "console/organization";
        }
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
