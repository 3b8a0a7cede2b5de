package ca.gardien.console;

import ca.gardien.inventory.GapReport;
import ca.gardien.inventory.InvalidDataMapException;
import ca.gardien.inventory.Inventory;
import ca.gardien.inventory.NoticeVersions;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.CsvFile;
import ca.gardien.shared.FormSteps;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The data map in the console: gaps, picture, downloads, YAML editing, notice versions. Everyone reads. */
@Controller
@RequestMapping("/console/inventory")
class InventoryPages {

    private final Inventory inventory;
    private final GapReport gaps;
    private final NoticeVersions notices;
    private final MessageSource messages;

    InventoryPages(Inventory inventory, GapReport gaps, NoticeVersions notices, MessageSource messages) {
        this.inventory = inventory;
        this.gaps = gaps;
        this.notices = notices;
        this.messages = messages;
    }

    @GetMapping
    String overview(Model model, Locale locale) {
        var found = gaps.gaps(locale);
        var notice = notices.status(found); // one read of the versions, each draft rendered once
        model.addAttribute("gaps", found);
        model.addAttribute("map", inventory.current());
        model.addAttribute("versions", notice.versions());
        model.addAttribute("noticeWarnings", notice.warnings());
        model.addAttribute("noticeInForce", notice.inForce().orElse(null));
        model.addAttribute("noticeAwaits", notice.awaitsApproval());
        if (!model.containsAttribute("yaml")) {
            model.addAttribute("basedOn", inventory.revision()); // read first: never newer than the document shown
            model.addAttribute("yaml", inventory.export());
        }
        return "console/inventory";
    }

    /** The record of processing as a printable page, in the page's language. */
    @GetMapping("/record")
    String record(Model model, Locale locale) {
        model.addAttribute("record", inventory.recordOfProcessing(locale));
        return "console/record-of-processing";
    }

    @GetMapping("/map.svg")
    ResponseEntity<String> picture(Locale locale) {
        return ResponseEntity.ok()
                .contentType(new MediaType("image", "svg+xml", StandardCharsets.UTF_8))
                .body(inventory.picture(locale));
    }

    @GetMapping("/export.yaml")
    ResponseEntity<String> export() {
        return ResponseEntity.ok()
                .contentType(new MediaType("application", "yaml", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"data-map.yaml\"")
                .body(inventory.export());
    }

    @GetMapping("/record-of-processing.csv")
    ResponseEntity<byte[]> record(Locale locale) {
        return CsvFile.download("record-of-processing.csv", inventory.recordOfProcessingCsv(locale));
    }

    /** Plan or apply the edited YAML; mistakes are shown with their paths and nothing is changed. */
    @PostMapping
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
    String edit(
            @RequestParam String yaml,
            @RequestParam String action,
            @RequestParam(required = false) String basedOn,
            Authentication auth,
            Model model,
            Locale locale) {
        boolean apply = "apply".equals(action);
        var readAt = revision(basedOn);
        // a plan is of the map as it is now; an apply only of the revision its plan was made from (else the plan's
        // few changes would replace a map changed meanwhile), kept as it was when refused, until planned again
        model.addAttribute("basedOn", apply ? readAt : Long.valueOf(inventory.revision()));
        model.addAttribute("yaml", yaml);
        try {
            var plan = apply
                    ? inventory.apply(yaml, CurrentActor.of(auth), r -> readAt != null && r == readAt)
                    : inventory.plan(yaml);
            model.addAttribute("plan", plan);
            model.addAttribute("applied", apply);
            if (apply) {
                model.addAttribute("basedOn", inventory.revision());
            }
        } catch (InvalidDataMapException e) {
            model.addAttribute("mapErrors", e.errors());
        } catch (ConflictException e) {
            model.addAttribute("mapConflict", e.in(messages, locale));
        }
        return overview(model, locale);
    }

    /**
     * The revision a form says it was read at; none when it is not a number (refused then as a missing one, the typed
     * document kept: a bad value was a bare 400 page that lost it — attacker's re-check).
     */
    static Long revision(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Back to the notice's section after POST, done or refused (officer's review: a refusal was rendered at the form's
     * address, scrolled to the top of a long page, and a reload was a 405); the reason typed comes back with its error.
     */
    @PostMapping("/notice")
    @PreAuthorize("hasRole('PRIVACY_OFFICER')")
    String approve(@RequestParam(required = false) String reason, Authentication auth, RedirectAttributes flash) {
        return FormSteps.at("/console/inventory")
                .form("noticeForm", FormSteps.typed("reason", reason))
                .labels(java.util.Map.of("reason", "inventory.notice.reason"))
                .doneAt("#notice")
                .refusedAt("#notice")
                .run(flash, () -> notices.approve(CurrentActor.of(auth), reason), "notice-approved");
    }

    @GetMapping("/notice/diff")
    String diff(@RequestParam int from, @RequestParam int to, Model model, Locale locale) {
        model.addAttribute("diff", notices.diff(from, to, locale));
        return "console/notice-diff";
    }

    /** The draft: what approving now would publish, line by line against the version the public page shows. */
    @GetMapping("/notice/draft")
    String draft(Model model, Locale locale) {
        model.addAttribute("diff", notices.pending(locale));
        model.addAttribute("draft", true);
        return "console/notice-diff";
    }
}
