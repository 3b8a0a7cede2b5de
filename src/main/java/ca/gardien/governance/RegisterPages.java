package ca.gardien.governance;

import ca.gardien.shared.FormSteps;
import ca.gardien.shared.Language;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registers of ss. 8.1, 9.1 and 12.1 and the service providers' commitments to the policy (seed §14) in the
 * console: every role reads; the person in charge and delegates add entries, record a setting's reason and a
 * provider's signed commitment. A gap is marked where the page lists it.
 */
@Controller
class RegisterPages {

    static final String REGISTERS = "/console/governance/registers";
    static final String PROVIDERS = "/console/governance/providers";

    /** An entry with its name and detail in the page's language. */
    record Shown(RegisterEntry entry, String name, String detail) {}

    private final Registers registers;
    private final ProviderCommitments commitments;
    private final PageSteps steps;

    RegisterPages(Registers registers, ProviderCommitments commitments, PageSteps steps) {
        this.registers = registers;
        this.commitments = commitments;
        this.steps = steps;
    }

    @GetMapping(REGISTERS)
    String registers(Authentication auth, Model model, Locale locale) {
        var language = Language.of(locale);
        var shown = registers.all().stream()
                .map(e -> new Shown(e, e.name(language), e.detail(language)))
                .toList();
        for (var kind : RegisterEntry.Kind.values()) {
            model.addAttribute(
                    kind.name().toLowerCase(Locale.ROOT),
                    shown.stream().filter(s -> s.entry().kind() == kind).toList());
        }
        model.addAttribute("kinds", RegisterEntry.Kind.values());
        model.addAttribute("writes", GovernanceCaller.of(auth).writes());
        return "console/governance-registers";
    }

    @PostMapping(REGISTERS)
    String add(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String product,
            @RequestParam(required = false) String nameFr,
            @RequestParam(required = false) String nameEn,
            @RequestParam(required = false) String detailFr,
            @RequestParam(required = false) String detailEn,
            @RequestParam(required = false) String defaultValue,
            @RequestParam(required = false) String mostPrivate,
            Authentication auth,
            RedirectAttributes flash) {
        var entry = new Registers.NewEntry(
                kind,
                FormSteps.blank(product),
                nameFr,
                nameEn,
                FormSteps.blank(detailFr),
                FormSteps.blank(detailEn),
                FormSteps.blank(defaultValue),
                FormSteps.blank(mostPrivate),
                null);
        // refused, the form comes back with what was typed and each error next to its field, the page at the form
        var typed = FormSteps.typed(
                "kind", kind,
                "product", product,
                "nameFr", nameFr,
                "nameEn", nameEn,
                "detailFr", detailFr,
                "detailEn", detailEn,
                "defaultValue", defaultValue,
                "mostPrivate", mostPrivate);
        return steps.run(
                REGISTERS,
                "",
                flash,
                "entry",
                typed,
                () -> registers.add(entry, GovernanceCaller.of(auth)),
                "register-entry-added"); // said, not a bare « C’est consigné. » (officer's walk)
    }

    @PostMapping(REGISTERS + "/{id}/reason")
    String reason(
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            Authentication auth,
            RedirectAttributes flash) {
        var entry = GovernanceCaller.uuid(id);
        return steps.run(
                REGISTERS,
                flash,
                () -> registers.reason(entry, reason, GovernanceCaller.of(auth)),
                "register-reason-recorded");
    }

    @GetMapping(PROVIDERS)
    String providers(Authentication auth, Model model, Locale locale) {
        model.addAttribute("providers", commitments.providers(locale));
        model.addAttribute("writes", GovernanceCaller.of(auth).writes());
        return "console/governance-providers";
    }

    @PostMapping(PROVIDERS + "/{thirdParty}/commitments")
    String commit(
            @PathVariable String thirdParty,
            @RequestParam(required = false) String documentSha256,
            @RequestParam(required = false) String signedOn,
            @RequestParam(required = false) String expiresOn,
            @RequestParam(required = false) String measures,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile document,
            Authentication auth,
            RedirectAttributes flash) {
        var body = new ProviderCommitments.NewCommitment(
                SignedDocument.sha256(document, documentSha256), signedOn, FormSteps.blank(expiresOn), measures);
        var typed = FormSteps.typed("signedOn", signedOn, "expiresOn", expiresOn, "measures", measures);
        // refused, that provider's form comes back open with each error next to its field, the page at the refusal
        return steps.run(
                PROVIDERS,
                "",
                flash,
                "commit-" + thirdParty,
                typed,
                () -> commitments.record(thirdParty, body, GovernanceCaller.of(auth)));
    }
}
