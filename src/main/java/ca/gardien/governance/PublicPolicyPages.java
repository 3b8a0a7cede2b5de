package ca.gardien.governance;

import ca.gardien.organization.Letterhead;
import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.Language;
import ca.gardien.shared.NotFoundException;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The published policies at stable addresses: {@code /privacy/policy} is the privacy policy, {@code /privacy/policies/
 * {id}} any other document; each shows its last published version with its update date and lists the earlier ones,
 * which stay readable. French by default, English with {@code ?lang=en}. Also the page saying who acts as person in
 * charge now.
 */
@Controller
class PublicPolicyPages {

    /** A section as the page shows it. */
    record Shown(String key, String heading, java.util.List<PolicyBlocks.Block> blocks) {}

    /**
     * A published version's day as the organization counts days ({@code iso}, for {@code <time datetime>}) and as a
     * letter writes it in the page's language ({@code words}: "5 décembre 2026", "December 5, 2026").
     */
    record Published(int number, LocalDate iso, String words) {}

    private final PolicyReads policies;
    private final ActingOfficer officer;
    private final OrganizationTime time;
    private final Letterhead letterhead;

    PublicPolicyPages(PolicyReads policies, ActingOfficer officer, OrganizationTime time, Letterhead letterhead) {
        this.policies = policies;
        this.officer = officer;
        this.time = time;
        this.letterhead = letterhead;
    }

    @GetMapping("/privacy/policy")
    String privacyPolicy(Model model, Locale locale) {
        return show(PolicySeed.PRIVACY_POLICY, null, model, locale);
    }

    @GetMapping("/privacy/policy/versions/{n}")
    String privacyPolicyVersion(@PathVariable String n, Model model, Locale locale) {
        return show(PolicySeed.PRIVACY_POLICY, n, model, locale);
    }

    @GetMapping("/privacy/policies/{id}")
    String policy(@PathVariable String id, Model model, Locale locale) {
        return show(id, null, model, locale);
    }

    @GetMapping("/privacy/policies/{id}/versions/{n}")
    String policyVersion(@PathVariable String id, @PathVariable String n, Model model, Locale locale) {
        return show(id, n, model, locale);
    }

    @GetMapping("/privacy/policy/person-in-charge")
    String personInCharge(Model model) {
        model.addAttribute("now", officer.now());
        return "governance/person-in-charge";
    }

    /** The day a version was published, in the organization's time zone, not UTC's. */
    private Published day(PolicyVersion v, Locale locale) {
        var day = time.day(v.publishedAt());
        return new Published(v.number(), day, letterhead.day(day, locale));
    }

    private String show(String id, String n, Model model, Locale locale) {
        if (!id.matches("[a-z0-9-]{1,60}") || (n != null && !n.matches("[1-9][0-9]{0,5}"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            var published = policies.published(id);
            var shown = n == null
                    ? published.stream().reduce((a, b) -> b)
                    : published.stream()
                            .filter(v -> v.number() == Integer.parseInt(n))
                            .findFirst();
            if (shown.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            var policy = policies.policy(id);
            var language = Language.of(locale);
            var title = language.pick(policy.titleFr(), policy.titleEn());
            model.addAttribute("title", title);
            model.addAttribute("version", shown.get());
            model.addAttribute("updated", day(shown.get(), locale));
            model.addAttribute(
                    "current", published.getLast().number() == shown.get().number());
            model.addAttribute(
                    "versions",
                    published.reversed().stream().map(v -> day(v, locale)).toList());
            model.addAttribute(
                    "sections",
                    shown.get().sections().stream()
                            .map(s -> new Shown(
                                    s.key(), heading(s.heading(language), title), PolicyBlocks.of(s.text(language))))
                            .toList());
            model.addAttribute(
                    "base", id.equals(PolicySeed.PRIVACY_POLICY) ? "/privacy/policy" : "/privacy/policies/" + id);
            return "governance/policy";
        } catch (NotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /**
     * A section's heading, none when it repeats the page's title (officer's walk: the policy's opening section, headed
     * by the policy's own name, read the title twice).
     */
    static String heading(String heading, String title) {
        return heading == null || heading.strip().equalsIgnoreCase(title == null ? "" : title.strip()) ? null : heading;
    }
}
