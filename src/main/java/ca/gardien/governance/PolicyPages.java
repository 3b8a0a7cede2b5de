package ca.gardien.governance;

import ca.gardien.shared.FormSteps;
import ca.gardien.shared.Language;
import ca.gardien.shared.Phrase;
import java.util.List;
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
 * The policies in the console: the list, and a version's page with its sections (editable while a draft or in review),
 * the differences from the version published now, and the next step the caller may take: start a draft, send to
 * review, approve (the person in charge, or the substitute during a recorded absence), publish. Every role reads.
 */
@Controller
class PolicyPages {

    static final String BASE = "/console/governance/policies";

    /** A policy of the list with its title in the page's language. */
    record Row(PolicySummary policy, String title) {}

    /** A section as the page shows it: heading and text in the page's language, the templates for editing. */
    record Shown(PolicySection section, String heading, String text) {}

    private final Policies policies;
    private final PolicyReturns returns;
    private final PolicyReads reads;
    private final PolicySubscribers subscribers;
    private final ActingOfficer officer;
    private final PageSteps steps;

    PolicyPages(
            Policies policies,
            PolicyReturns returns,
            PolicyReads reads,
            PolicySubscribers subscribers,
            ActingOfficer officer,
            PageSteps steps) {
        this.policies = policies;
        this.returns = returns;
        this.reads = reads;
        this.subscribers = subscribers;
        this.officer = officer;
        this.steps = steps;
    }

    /** The list, or only the policies a dashboard figure counts ({@code show}: {@link PolicyTile}'s filters). */
    @GetMapping(BASE)
    String list(@RequestParam(required = false) String show, Model model, Locale locale) {
        var language = Language.of(locale);
        var shown = PolicyTile.shown(show);
        model.addAttribute("shown", shown);
        model.addAttribute(
                "policies",
                PolicyTile.filter(reads.all(), shown).stream()
                        .map(p -> new Row(p, language.pick(p.titleFr(), p.titleEn())))
                        .toList());
        return "console/governance-policies";
    }

    @GetMapping(BASE + "/{id}")
    String last(@PathVariable String id) {
        return "redirect:" + page(id, lastVersion(id));
    }

    @GetMapping(BASE + "/{id}/versions/{n}")
    String version(@PathVariable String id, @PathVariable String n, Authentication auth, Model model, Locale locale) {
        var number = PolicyController.number("n", n);
        var version = reads.version(id, number);
        var policy = reads.policy(id);
        var language = Language.of(locale);
        var caller = GovernanceCaller.of(auth);
        var published = reads.published(id);
        model.addAttribute("policyId", id);
        model.addAttribute("title", language.pick(policy.titleFr(), policy.titleEn()));
        model.addAttribute("v", version);
        model.addAttribute(
                "sections",
                version.sections().stream()
                        .map(s -> new Shown(s, s.heading(language), s.text(language)))
                        .toList());
        int last = lastVersion(id);
        model.addAttribute("versions", last);
        var base = published.stream().filter(p -> p.number() != number).reduce((a, b) -> b);
        model.addAttribute(
                "diff",
                base.map(p -> reads.diff(id, p.number(), number, language).changes())
                        .orElse(List.of()));
        model.addAttribute("diffFrom", base.map(PolicyVersion::number).orElse(null));
        var beforeApproval = version.status() == PolicyStatus.DRAFT || version.status() == PolicyStatus.REVIEW;
        if (beforeApproval) {
            var startedFrom = base.map(p -> reads.version(id, p.number()).sections())
                    .orElseGet(() -> number > 1 ? reads.version(id, number - 1).sections() : PolicySeed.sections(id));
            model.addAttribute("drift", PolicyLanguageDrift.between(startedFrom, version, language));
        } else {
            model.addAttribute("drift", List.of());
        }
        var writes = caller.writes();
        model.addAttribute("editable", writes && version.status() == PolicyStatus.DRAFT); // in review: not edited
        model.addAttribute("returns", returns.of(id, number)); // every return to draft, kept once approved
        model.addAttribute("canReview", writes && version.status() == PolicyStatus.DRAFT);
        var inReview = version.status() == PolicyStatus.REVIEW;
        var as = inReview ? officer.approvesAs(caller) : java.util.Optional.<String>empty();
        // the substitute who wrote the version does not approve it: the page says why, not just "awaiting"
        var wroteIt = as.isPresent() && policies.wroteAsSubstitute(as.get(), version, caller);
        model.addAttribute("canApprove", as.isPresent() && !wroteIt);
        model.addAttribute("canReturn", as.isPresent()); // sending back approves nothing: the substitute who wrote may
        model.addAttribute("awaitsApproval", inReview && (as.isEmpty() || wroteIt));
        model.addAttribute("wroteIt", wroteIt);
        model.addAttribute("canPublish", writes && version.status() == PolicyStatus.APPROVED);
        model.addAttribute("canDraft", writes && version.status() == PolicyStatus.PUBLISHED && number == last);
        model.addAttribute("writes", writes);
        model.addAttribute("subscribers", writes ? subscribers.of(id) : List.of());
        model.addAttribute(
                "publicUrl", id.equals(PolicySeed.PRIVACY_POLICY) ? "/privacy/policy" : "/privacy/policies/" + id);
        return "console/governance-policy";
    }

    @PostMapping(BASE + "/{id}/versions")
    String draft(@PathVariable String id, Authentication auth, RedirectAttributes flash) {
        var caller = GovernanceCaller.of(auth);
        return steps.runTo(
                BASE + "/" + id,
                flash,
                () -> page(id, policies.newDraft(id, caller).number()));
    }

    @PostMapping(BASE + "/{id}/versions/{n}/sections/{key}")
    String edit(
            @PathVariable String id,
            @PathVariable String n,
            @PathVariable String key,
            @RequestParam(required = false) String headingFr,
            @RequestParam(required = false) String headingEn,
            @RequestParam(required = false) String fr,
            @RequestParam(required = false) String en,
            Authentication auth,
            RedirectAttributes flash) {
        var number = PolicyController.number("n", n);
        var edit = new Policies.SectionEdit(headingFr, headingEn, unix(fr), unix(en));
        // refused, the section's form comes back open with what was typed and each error next to its field, the page
        // at the refusal listed in the form: a browser scrolls to it and focuses it, script or not
        var typed = new java.util.LinkedHashMap<String, String>();
        typed.put("headingFr", edit.headingFr());
        typed.put("headingEn", edit.headingEn());
        typed.put("fr", edit.fr());
        typed.put("en", edit.en());
        return steps.run(
                page(id, number),
                "#" + key,
                flash,
                "section-" + key,
                typed,
                () -> policies.editSection(
                        id, number, key, edit, GovernanceCaller.of(auth).requireWriter()),
                Phrase.of("governance.done.section-saved", edit.headingFr(), edit.headingEn()));
    }

    @PostMapping(BASE + "/{id}/versions/{n}/return")
    String sendBack(
            @PathVariable String id,
            @PathVariable String n,
            @RequestParam(required = false) String reason,
            Authentication auth,
            RedirectAttributes flash) {
        var number = PolicyController.number("n", n);
        var caller = GovernanceCaller.of(auth);
        return steps.run(
                page(id, number),
                "",
                flash,
                "return",
                FormSteps.typed("reason", reason),
                () -> returns.toDraft(id, number, reason, caller),
                "policy-return");
    }

    @PostMapping(BASE + "/{id}/versions/{n}/{step}")
    String step(
            @PathVariable String id,
            @PathVariable String n,
            @PathVariable String step,
            Authentication auth,
            RedirectAttributes flash) {
        var number = PolicyController.number("n", n);
        var caller = GovernanceCaller.of(auth);
        Runnable action = switch (step) {
            case "review" -> () -> policies.submit(id, number, caller);
            case "approve" -> () -> policies.approve(id, number, caller);
            case "publish" -> () -> policies.publish(id, number, caller);
            default -> throw new ca.gardien.shared.NotFoundException("governance.step", step);
        };
        return steps.run(page(id, number), flash, action, "policy-" + step); // what was done, in words
    }

    @PostMapping(BASE + "/{id}/subscribers")
    String subscribe(
            @PathVariable String id,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String language,
            Authentication auth,
            RedirectAttributes flash) {
        // refused, the form comes back with the email and language typed and each error next to its field; back to
        // the version's page itself: the policy's address redirects to it, and a second redirect loses the flash
        var page = page(id, lastVersion(id));
        return steps.run(
                page,
                "#subscribers",
                flash,
                "subscriber",
                FormSteps.typed("email", email, "language", language),
                () -> subscribers.add(
                        id, new PolicySubscribers.NewSubscriber(email, language), GovernanceCaller.of(auth)));
    }

    @PostMapping(BASE + "/{id}/subscribers/{subscriber}/remove")
    String unsubscribe(
            @PathVariable String id, @PathVariable String subscriber, Authentication auth, RedirectAttributes flash) {
        var caller = GovernanceCaller.of(auth).requireWriter();
        return steps.run(
                page(id, lastVersion(id)) + "#subscribers",
                flash,
                () -> subscribers.remove(id, GovernanceCaller.uuid(subscriber), caller));
    }

    private int lastVersion(String id) {
        return reads.all().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new ca.gardien.shared.NotFoundException("governance.policy", id))
                .lastVersion();
    }

    private static String page(String id, int number) {
        return BASE + "/" + id + "/versions/" + number;
    }

    /** A textarea sends CRLF line ends: the templates keep LF, as the seed and the API write them. */
    private static String unix(String text) {
        return text == null ? null : text.replace("\r\n", "\n");
    }
}
