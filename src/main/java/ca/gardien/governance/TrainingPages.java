package ca.gardien.governance;

import ca.gardien.organization.Role;
import ca.gardien.shared.FormSteps;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Training campaigns in the console: the person in charge, delegates and auditors see every campaign with its
 * progress, its members and its record; the person in charge and delegates start one; each member sees the campaigns
 * asking them and acknowledges there with the version they read.
 */
@Controller
class TrainingPages {

    static final String PAGE = "/console/governance/training";

    /** A campaign as listed: whether the caller is asked and has acknowledged. */
    record Row(Campaign campaign, boolean asked, boolean acknowledged) {}

    private final Training training;
    private final TrainingRecord record;
    private final PolicyReads policies;
    private final PageSteps steps;
    private final ca.gardien.organization.OrganizationTime time;

    TrainingPages(
            Training training,
            TrainingRecord record,
            PolicyReads policies,
            PageSteps steps,
            ca.gardien.organization.OrganizationTime time) {
        this.time = time;
        this.training = training;
        this.record = record;
        this.policies = policies;
        this.steps = steps;
    }

    @GetMapping(PAGE)
    String list(@RequestParam(required = false) String show, Authentication auth, Model model, Locale locale) {
        var language = ca.gardien.shared.Language.of(locale);
        var caller = GovernanceCaller.of(auth);
        var oversees = oversees(caller);
        var shown = TrainingTile.shown(show);
        var rows = TrainingTile.filter(training.all(), shown, time.today()).stream()
                .map(c -> row(c, caller))
                .filter(r -> oversees || r.asked())
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("shown", shown);
        model.addAttribute("oversees", oversees);
        model.addAttribute("writes", caller.writes());
        model.addAttribute(
                "policies",
                policies.all().stream()
                        .filter(p -> p.publishedVersion() != null)
                        .map(p -> new PolicyPages.Row(p, language.pick(p.titleFr(), p.titleEn())))
                        .toList());
        model.addAttribute(
                "roles", Role.people().stream().filter(r -> r != Role.AUDITOR).toList()); // people who may acknowledge
        return "console/governance-training";
    }

    @GetMapping(PAGE + "/{id}")
    String campaign(@PathVariable String id, Authentication auth, Model model) {
        var caller = GovernanceCaller.of(auth);
        var campaign = training.campaign(GovernanceCaller.uuid(id));
        var row = row(campaign, caller);
        if (!oversees(caller) && !row.asked()) {
            throw new AccessDeniedException("governance.campaign");
        }
        model.addAttribute("row", row);
        model.addAttribute("c", campaign);
        model.addAttribute("members", oversees(caller) ? training.members(campaign.id()) : List.of());
        return "console/governance-campaign";
    }

    @GetMapping(PAGE + "/{id}/record.csv")
    ResponseEntity<byte[]> file(@PathVariable String id, Authentication auth, Locale locale) {
        if (!oversees(GovernanceCaller.of(auth))) {
            throw new AccessDeniedException("governance.campaign");
        }
        return record.download(GovernanceCaller.uuid(id), locale);
    }

    @PostMapping(PAGE)
    String start(
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String policyId,
            @RequestParam(required = false) String module,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) String dueOn,
            Authentication auth,
            RedirectAttributes flash) {
        var body = new Training.NewCampaign(
                title,
                FormSteps.blank(policyId),
                null,
                FormSteps.blank(module),
                roles == null ? List.of() : roles,
                dueOn);
        // refused, the form comes back with what was typed and each error next to its field, the page at the refusal
        var typed = new java.util.LinkedHashMap<String, String>();
        typed.put("title", title);
        typed.put("policyId", policyId);
        typed.put("module", module);
        typed.put("roles", roles == null ? null : String.join(",", roles));
        typed.put("dueOn", dueOn);
        return steps.run(
                PAGE, "", flash, "campaign", typed, () -> training.start(body, GovernanceCaller.of(auth)), "campaign");
    }

    @PostMapping(PAGE + "/{id}/acknowledge")
    String acknowledge(
            @PathVariable String id,
            @RequestParam(required = false) Integer versionSeen,
            Authentication auth,
            RedirectAttributes flash) {
        var campaignId = GovernanceCaller.uuid(id);
        return steps.run(
                PAGE + "/" + id, flash, () -> training.acknowledge(campaignId, versionSeen, GovernanceCaller.of(auth)));
    }

    private Row row(Campaign c, GovernanceCaller caller) {
        var me = caller.accountId().orElse(null);
        var mine = training.members(c.id()).stream()
                .filter(m -> m.accountId().equals(me))
                .findFirst();
        return new Row(
                c, mine.isPresent(), mine.map(m -> m.acknowledgedAt() != null).orElse(false));
    }

    private static boolean oversees(GovernanceCaller caller) {
        return caller.writes() || caller.roles().contains(Role.AUDITOR);
    }
}
