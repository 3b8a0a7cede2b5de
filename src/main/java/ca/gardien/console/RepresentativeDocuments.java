package ca.gardien.console;

import ca.gardien.organization.CurrentActor;
import ca.gardien.requests.RequestWork;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The document of whoever acts for the person (a mandate, a proof of parental authority or of tutorship) on a request
 * page: filed as the API files it (same checks, {@code requests.representative-document-filed}), then accepted or
 * refused; the page then says whether the request moved on or what it still waits for. Auditors do neither.
 */
@Controller
@RequestMapping("/console/requests/{id}/documents")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','STAFF')")
class RepresentativeDocuments {

    /** The field's visible label, for the error summary. */
    private static final Map<String, String> LABELS = Map.of("document", "rq.representative.file");

    private final RequestWork work;

    RepresentativeDocuments(RequestWork work) {
        this.work = work;
    }

    /** A refused file (none chosen, empty, too large) comes back next to the field. */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String file(
            @PathVariable UUID id,
            @RequestParam(name = "document", required = false) MultipartFile document,
            Authentication auth,
            RedirectAttributes flash)
            throws IOException {
        var upload = RequestEntryPage.upload(document);
        var page = ConsoleSteps.request(id)
                .form("documentForm", Map.of())
                .labels(LABELS)
                .run(flash, () -> work.fileDocument(id, upload, CurrentActor.of(auth)));
        if (flash.getFlashAttributes().containsKey("done")) {
            flash.addFlashAttribute("doneKey", "representative.filed");
        }
        return page;
    }

    @PostMapping("/{document}/review")
    String review(
            @PathVariable UUID id,
            @PathVariable UUID document,
            @RequestParam boolean approved,
            Authentication auth,
            RedirectAttributes flash) {
        return RequestActions.identityStep(
                id, flash, null, Map.of(), () -> work.reviewDocument(id, document, approved, CurrentActor.of(auth)));
    }
}
