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
    @Operation(summary = "The organization profile; its ETag is what a replacement's If-Match names")
    org.springframework.http.ResponseEntity<OrganizationProfile> get() {
        var profile = organization.profile().orElseThrow(() -> new NotFoundException("organization.object.profile"));
        return org.springframework.http.ResponseEntity.ok()
                .eTag(Organization.version(profile))
                .body(profile);
    }

    @PutMapping
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    @Operation(
            summary = "Replace the organization profile (person in charge only); with If-Match (the ETag of GET), a 409"
                    + " when it was changed since it was read")
    OrganizationProfile put(
            @Valid @RequestBody OrganizationProfile profile,
            @org.springframework.web.bind.annotation.RequestHeader(
                            value = org.springframework.http.HttpHeaders.IF_MATCH,
                            required = false)
                    String seen,
            Authentication auth) {
        var basis =
                seen == null ? null : seen.replace("W/", "").replace("\"", "").strip();
        return organization.update(profile, basis, CurrentActor.of(auth));
    }
}
