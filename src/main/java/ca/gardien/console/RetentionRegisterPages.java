package ca.gardien.console;

import ca.gardien.retention.RetentionRegisterConsole;
import ca.gardien.shared.FormSteps;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register of anonymizations in the console: every anonymizing rule with its entry and risk analyses (auditors
 * read), and for the person in charge and delegates a page per rule to record its entry and an analysis. A refused
 * form comes back with what was typed and every error next to its field; the module decides who may record.
 */
@Controller
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','AUDITOR')")
class RetentionRegisterPages {

    static final String PAGE = RetentionPages.PAGE + "/anonymizations";

    private final RetentionRegisterConsole register;

    RetentionRegisterPages(RetentionRegisterConsole register) {
        this.register = register;
    }

    @GetMapping(PAGE)
    String register(Locale locale, Model model) {
        model.addAttribute("entries", register.entries(locale));
        model.addAttribute("every", register.reassessEvery(locale));
        return "console/retention-register";
    }

    @GetMapping(PAGE + "/{rule}")
    String rule(@PathVariable String rule, Locale locale, Model model, Authentication auth) {
        model.addAttribute("e", register.entry(rule, locale, auth));
        model.addAttribute("every", register.reassessEvery(locale));
        return "console/retention-anonymization";
    }

    @PostMapping(PAGE + "/{rule}/entry")
    String record(
            @PathVariable String rule,
            @RequestParam(required = false) String information,
            @RequestParam(required = false) String purposes,
            @RequestParam(required = false) String supervisor,
            @RequestParam(required = false) String techniques,
            @RequestParam(required = false) String securityMeasures,
            RedirectAttributes flash,
            Locale locale,
            Authentication auth) {
        register.entry(rule, locale, auth); // a rule without a page (it destroys, or is unknown) answers 404 here
        var typed = FormSteps.typed(
                "information",
                information,
                "purposes",
                purposes,
                "supervisor",
                supervisor,
                "techniques",
                techniques,
                "securityMeasures",
                securityMeasures);
        return FormSteps.at(back(rule))
                .form("entryForm", typed)
                .run(
                        flash,
                        () -> register.record(
                                rule, information, purposes, supervisor, techniques, securityMeasures, auth));
    }

    @PostMapping(PAGE + "/{rule}/analyses")
    String analyse(
            @PathVariable String rule,
            @RequestParam(required = false) String analysedOn,
            @RequestParam(required = false) String individualization,
            @RequestParam(required = false) String correlation,
            @RequestParam(required = false) String inference,
            @RequestParam(required = false) String veryLow,
            RedirectAttributes flash,
            Locale locale,
            Authentication auth) {
        register.entry(rule, locale, auth);
        var typed = FormSteps.typed(
                "analysedOn",
                analysedOn,
                "individualization",
                individualization,
                "correlation",
                correlation,
                "inference",
                inference,
                "veryLow",
                veryLow);
        return FormSteps.at(back(rule))
                .form("analysisForm", typed)
                .run(
                        flash,
                        () -> register.analyse(
                                rule, analysedOn, individualization, correlation, inference, veryLow, auth));
    }

    /** The rule's page, done or refused; the register for an id that is not one of the data map's. */
    private static String back(String rule) {
        return rule.matches("[a-z0-9][a-z0-9._-]{0,99}") ? PAGE + "/" + rule : PAGE;
    }
}
