package ca.gardien.organization;

import ca.gardien.shared.IfMatch;
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
            summary = "Replace the organization profile (person in charge only); with If-Match (the ETag of GET, or *),"
                    + " a 409 when it was changed since it was read; an If-Match that is no entity tag is a 400. The"
                    + " answer's ETag is the new version's; the same profile again records nothing")
    org.springframework.http.ResponseEntity<OrganizationProfile> put(
            @Valid @RequestBody OrganizationProfile profile,
            @org.springframework.web.bind.annotation.RequestHeader(value = IfMatch.HEADER, required = false)
                    String seen,
            Authentication auth) {
        var expected = IfMatch.of(seen); // not a list of entity tags nor *: a 400 naming the header
        var saved = organization.update(profile, expected == null ? null : expected::matches, CurrentActor.of(auth));
        // the new version's tag, for the next replacement's If-Match without a GET (attacker's review)
        return org.springframework.http.ResponseEntity.ok()
                .eTag(Organization.version(saved))
                .body(saved);
    }
}
