package ca.gardien.inventory;

import ca.gardien.organization.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/inventory/notice")
@Tag(name = "Privacy notice", description = "Approved, numbered versions of the published privacy notice")
class NoticeController {

    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final NoticeVersions versions;

    NoticeController(NoticeVersions versions) {
        this.versions = versions;
    }

    @GetMapping("/versions")
    @Operation(summary = "Approved versions, oldest first")
    List<NoticeVersion> all() {
        return versions.all();
    }

    @PostMapping("/versions")
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    @Operation(
            summary =
                    "Approve the notice generated from the current map as the next version (person in charge); a reason is"
                            + " required while high gaps are open or placeholders remain")
    ResponseEntity<NoticeVersion> approve(@RequestBody(required = false) Approval approval, Authentication auth) {
        var reason = approval == null ? null : approval.reason();
        return ResponseEntity.status(HttpStatus.CREATED).body(versions.approve(CurrentActor.of(auth), reason));
    }

    /** The reason recorded when approving while high gaps are open or placeholders remain. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "NoticeApproval") // one name per schema (OpenApiSchemaNamesTest)
    record Approval(String reason) {}

    @GetMapping(value = "/versions/{version}", produces = "text/plain")
    @Operation(summary = "The text of an approved version; French unless lang=en")
    ResponseEntity<String> text(
            @PathVariable @Min(1) int version,
            @RequestParam(defaultValue = "fr") @Pattern(regexp = "fr|en") String lang) {
        return ResponseEntity.ok().contentType(TEXT).body(versions.get(version).text(Locale.forLanguageTag(lang)));
    }

    @GetMapping("/diff")
    @Operation(summary = "Line-by-line differences between two approved versions")
    LineDiff diff(
            @RequestParam @Min(1) int from,
            @RequestParam @Min(1) int to,
            @RequestParam(defaultValue = "fr") @Pattern(regexp = "fr|en") String lang) {
        return versions.diff(from, to, Locale.forLanguageTag(lang));
    }
}
