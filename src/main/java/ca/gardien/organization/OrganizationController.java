package ca.gardien.organization;

import ca.gardien.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/organization")
@Tag(name = "Organization", description = "The organization profile and its person in charge")
class OrganizationController {

    private final Organization organization;

    OrganizationController(Organization organization) {
        this.organization = organization;
    }

    @GetMapping
    @Operation(summary = "The organization profile")
    OrganizationProfile get() {
        return organization.profile().orElseThrow(() -> new NotFoundException("organization.object.profile"));
    }

    @PutMapping
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    @Operation(summary = "Replace the organization profile (person in charge only)")
    OrganizationProfile put(@Valid @RequestBody OrganizationProfile profile, Authentication auth) {
        return organization.update(profile, CurrentActor.of(auth));
    }
}
