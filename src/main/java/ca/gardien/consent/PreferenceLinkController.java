package ca.gardien.consent;

import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.SubjectIdentifier;
import ca.gardien.shared.WebProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Issues signed preference-page links for the organization's systems to send to a person (e.g. in a mailing). */
@RestController
@Tag(name = "Consent", description = "Consent records and decisions")
class PreferenceLinkController {

    private final PreferenceLinks links;
    private final Subjects subjects;
    private final ConsentProperties properties;
    private final WebProperties web;

    PreferenceLinkController(
            PreferenceLinks links, Subjects subjects, ConsentProperties properties, WebProperties web) {
        this.links = links;
        this.web = web;
        this.subjects = subjects;
        this.properties = properties;
    }

    /** {@code subject}: {@code kind:value}, e.g. {@code email:someone@example.test}. */
    record LinkRequest(String subject) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "PreferenceLink") // one name per schema (OpenApiSchemaNamesTest)
    record Link(String url, Instant expiresAt) {}

    @PostMapping("/api/v1/consent/preference-links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A signed, expiring link to a known subject's preference page (no account needed)")
    Link create(@RequestBody LinkRequest request, Authentication auth) {
        var identifier = SubjectIdentifier.parse(request.subject(), properties.phoneRegion());
        if (identifier == null) {
            throw new InvalidInputException("subject", "consent.field.subject-syntax");
        }
        var subject = subjects.find(identifier)
                .orElseThrow(() -> new NotFoundException("consent.object.subject-with-identifier"));
        var issued = links.issue(subject, CurrentActor.of(auth));
        return new Link(web.link(issued.path()), issued.expiresAt()); // never the request's Host
    }
}
