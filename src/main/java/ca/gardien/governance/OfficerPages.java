package ca.gardien.governance;

import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.shared.FormSteps;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The person in charge in the console (s. 3.1): who acts now, the written records behind it, and the forms to record a
 * delegation, designate the substitute (the person in charge) and record an absence (the person in charge or a
 * delegate other than the designated substitute, {@link Absences}). Every role reads.
 */
@Controller
class OfficerPages {

    static final String PAGE = "/console/governance/person-in-charge";

    private final ActingOfficer officer;
    private final Absences absences;
    private final RecordEnds ends;
    private final AccountViews accounts;
    private final PageSteps steps;
    private final GovernanceProperties properties;

    OfficerPages(
            ActingOfficer officer,
            Absences absences,
            RecordEnds ends,
            AccountViews accounts,
            PageSteps steps,
            GovernanceProperties properties) {
        this.properties = properties;
        this.officer = officer;
        this.absences = absences;
        this.ends = ends;
        this.accounts = accounts;
        this.steps = steps;
    }

    @GetMapping(PAGE)
    String page(Authentication auth, Model model) {
        var caller = GovernanceCaller.of(auth);
        var now = officer.now(); // the records read once for the page
        model.addAttribute("now", now);
        model.addAttribute("records", now.records().reversed());
        // an absence with nobody designated leaves nobody able to approve: the form says so before it is recorded
        var substitute = OfficerRecords.substitute(now.records());
        var cannotAct = officer.substituteWhoCannotAct(now.records());
        model.addAttribute("substituteDesignated", substitute.isPresent() && cannotAct.isEmpty());
        model.addAttribute(
                "substituteInactive", cannotAct.map(OfficerRecord::name).orElse(null));
        model.addAttribute("substituteId", substitute.map(OfficerRecord::id).orElse(null));
        model.addAttribute("inCharge", caller.inCharge());
        model.addAttribute("today", officer.today());
        model.addAttribute("writes", caller.writes());
        // the substitute does not record the absence that would let them act: the page says who does
        model.addAttribute("recordsAbsence", absences.mayRecord(caller, now.records()));
        model.addAttribute("maxAbsenceDays", properties.maxAbsenceDays()); // what a delegate records, in a row
        model.addAttribute("delegates", caller.inCharge() ? accounts.active(Role.DELEGATE) : java.util.List.of());
        return "console/governance-officer";
    }

    @PostMapping(PAGE + "/{kind}")
    String record(
            @org.springframework.web.bind.annotation.PathVariable String kind,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String accountId,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String part,
            @RequestParam(required = false) String startsOn,
            @RequestParam(required = false) String endsOn,
            @RequestParam(required = false) String documentSha256,
            @RequestParam(required = false) org.springframework.web.multipart.MultipartFile document,
            Authentication auth,
            RedirectAttributes flash) {
        var caller = GovernanceCaller.of(auth);
        var account = accountId == null || accountId.isBlank() ? null : GovernanceCaller.uuid(accountId);
        var body = new ActingOfficer.NewRecord(
                name,
                title,
                FormSteps.blank(email),
                account,
                scope,
                part,
                startsOn,
                FormSteps.blank(endsOn),
                SignedDocument.sha256(document, documentSha256));
        var typed = FormSteps.typed(
                "name", name,
                "title", title,
                "email", email,
                "accountId", accountId,
                "scope", scope,
                "part", part,
                "startsOn", startsOn,
                "endsOn", endsOn);
        Runnable step = () -> {
            switch (kind) {
                case "delegations" -> officer.record(OfficerRecord.Kind.DELEGATION, body, caller.requireInCharge());
                case "substitute" ->
                    officer.record(OfficerRecord.Kind.SUBSTITUTE, named(body), caller.requireInCharge());
                case "absences" -> absences.record(body, caller);
                default -> throw new ca.gardien.shared.NotFoundException("governance.step", kind);
            }
        };
        var said = switch (kind) {
            case "delegations" -> "delegation-recorded";
            case "substitute" -> "substitute-designated";
            default -> "absence-recorded";
        };
        // every form comes back as typed, each error by its field (an absence's "until" before its "from" included)
        return steps.run(PAGE, "", flash, kind, typed, step, said);
    }

    /**
     * Ends a delegation (today by default on the page) or an absence (yesterday by default: back today) on the day
     * typed; refused, said at the page's top.
     */
    @PostMapping(PAGE + "/{kind:delegations|absences}/{id}/end")
    String end(
            @org.springframework.web.bind.annotation.PathVariable String kind,
            @org.springframework.web.bind.annotation.PathVariable String id,
            @RequestParam(required = false) String endsOn,
            Authentication auth,
            RedirectAttributes flash) {
        var absence = "absences".equals(kind);
        return steps.run(
                PAGE,
                flash,
                () -> ends.end(
                        id,
                        absence ? OfficerRecord.Kind.ABSENCE : OfficerRecord.Kind.DELEGATION,
                        new RecordEnds.End(endsOn),
                        GovernanceCaller.of(auth)),
                absence ? "absence-ended" : "delegation-ended",
                // its refusal names the field as the end form labels it, not as the record form's "Until"
                Map.of("endsOn", "governance.page.field." + (absence ? "absence-last-day" : "end-on")));
    }

    /** The substitute chosen from the list of delegates: its name comes from its account when none is typed. */
    private ActingOfficer.NewRecord named(ActingOfficer.NewRecord body) {
        if (body.accountId() == null || (body.name() != null && !body.name().isBlank())) {
            return body;
        }
        UUID id = body.accountId();
        var name = accounts.nameOf(id).orElse(null);
        return new ActingOfficer.NewRecord(
                name, body.title(), body.email(), id, null, null, body.startsOn(), null, null);
    }
}
