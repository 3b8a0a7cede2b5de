package ca.gardien.consent;

import ca.gardien.inventory.Inventory;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.Language;
import ca.gardien.shared.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person's preference page, reached by a signed expiring link (no account). Each purpose shows its current state and
 * one button; a grant is express consent given by the person, a withdrawal takes effect at once. The link itself is
 * the capability, so the form needs no CSRF token: a forged form cannot know the link. Bad and expired links get a
 * page that says no more than that.
 */
@Controller
class PreferencePage {

    private final PreferenceLinks links;
    private final ConsentLedger ledger;
    private final ConsentRecords records;
    private final Inventory inventory;
    private final KeyedDigest key;
    private final AnonymousWrites writes;
    private final Subjects subjects;
    private final Clock clock;

    PreferencePage(
            PreferenceLinks links,
            ConsentLedger ledger,
            ConsentRecords records,
            Inventory inventory,
            @Qualifier(ConsentConfiguration.KEY) KeyedDigest key,
            AnonymousWrites writes,
            Subjects subjects,
            Clock clock) {
        this.subjects = subjects;
        this.links = links;
        this.ledger = ledger;
        this.records = records;
        this.inventory = inventory;
        this.key = key;
        this.writes = writes;
        this.clock = clock;
    }

    @GetMapping(PreferenceLinks.PATH + "{token}")
    String show(
            @PathVariable String token,
            @RequestParam(required = false) String saved,
            Model model,
            Locale locale,
            HttpServletResponse response) {
        if (!(links.verify(token, clock.instant()) instanceof PreferenceLinks.Valid valid)) {
            return refused(token, model, response);
        }
        if (!subjects.exists(valid.subject())) {
            return gone(model, response);
        }
        var history = records.history(valid.subject());
        model.addAttribute("rows", PreferenceRows.of(inventory.current(), history, clock.instant(), locale));
        model.addAttribute("minor", minor(history));
        model.addAttribute("action", PreferenceLinks.PATH + token);
        model.addAttribute("expiresAt", valid.expiresAt());
        model.addAttribute("saved", saved != null);
        return "consent/preferences";
    }

    @PostMapping(PreferenceLinks.PATH + "{token}")
    String choose(
            @PathVariable String token,
            @RequestParam(required = false) String purpose,
            @RequestParam(required = false) String choice,
            Model model,
            Locale locale,
            HttpServletRequest request,
            HttpServletResponse response) {
        try {
            writes.link(request.getRemoteAddr());
        } catch (RateLimitedException e) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            model.addAttribute("step", "rate-limited");
            return "consent/preferences-refused";
        }
        if (!(links.verify(token, clock.instant()) instanceof PreferenceLinks.Valid valid)) {
            return refused(token, model, response);
        }
        var history = records.history(valid.subject());
        var rows = PreferenceRows.of(inventory.current(), history, clock.instant(), locale);
        boolean grant = "grant".equals(choice);
        if (purpose == null
                || !PreferenceRows.offered(rows, purpose)
                || !(grant || "withdraw".equals(choice))
                || (grant && minor(history))) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("step", "bad-request");
            return "consent/preferences-refused";
        }
        try {
            ledger.bySubject(
                    valid.subject(),
                    purpose,
                    state(grant, rows, purpose),
                    ConsentTerms.Channel.WEB_FORM,
                    proof(request, locale));
        } catch (ConsentLedger.SubjectDestroyed e) {
            return gone(model, response);
        }
        return "redirect:" + PreferenceLinks.PATH + token + "?saved&lang=" + locale.getLanguage();
    }

    private static ConsentTerms.State state(boolean grant, java.util.List<PreferenceRows.Row> rows, String purpose) {
        if (grant) {
            return ConsentTerms.State.GRANTED;
        }
        boolean granted = rows.stream().anyMatch(r -> r.purpose().equals(purpose) && r.granted());
        return granted ? ConsentTerms.State.WITHDRAWN : ConsentTerms.State.REFUSED;
    }

    /** A person last recorded under 14 cannot grant alone (s. 4.1); they can still refuse or withdraw. */
    private static boolean minor(java.util.List<ConsentRecord> history) {
        return history.stream()
                .map(ConsentRecord::ageBand)
                .filter(java.util.Objects::nonNull)
                .reduce((a, b) -> b)
                .filter(b -> b == ConsentTerms.AgeBand.UNDER_14)
                .isPresent();
    }

    private ConsentRecord.Proof proof(HttpServletRequest request, Locale locale) {
        var userAgent = request.getHeader("User-Agent");
        return new ConsentRecord.Proof(
                "preference-page",
                key.digest("ip", request.getRemoteAddr()),
                userAgent == null ? null : key.digest("user-agent", userAgent),
                Language.of(locale).code(),
                false);
    }

    /** The link outlived everything recorded about its person (destroyed at the end of the keeping period). */
    private static String gone(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_GONE);
        model.addAttribute("step", "invalid");
        return "consent/preferences-refused";
    }

    private String refused(String token, Model model, HttpServletResponse response) {
        boolean expired = links.verify(token, clock.instant()) instanceof PreferenceLinks.Expired;
        response.setStatus(expired ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("step", "invalid");
        return "consent/preferences-refused";
    }
}
