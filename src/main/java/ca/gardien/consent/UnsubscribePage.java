package ca.gardien.consent;

import ca.gardien.inventory.Inventory;
import ca.gardien.shared.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One-click unsubscribe (RFC 8058) at a signed URL, without an account. GET only shows a confirmation page (mail
 * scanners follow links); the withdrawal happens on POST {@code List-Unsubscribe=One-Click}, from the mail client or
 * from the page's button, and takes effect at once.
 */
@Controller
class UnsubscribePage {

    static final String ONE_CLICK = "One-Click";

    private final UnsubscribeLinks links;
    private final ConsentLedger ledger;
    private final Inventory inventory;
    private final AnonymousWrites writes;
    private final Subjects subjects;

    UnsubscribePage(
            UnsubscribeLinks links,
            ConsentLedger ledger,
            Inventory inventory,
            AnonymousWrites writes,
            Subjects subjects) {
        this.subjects = subjects;
        this.links = links;
        this.ledger = ledger;
        this.inventory = inventory;
        this.writes = writes;
    }

    @GetMapping(UnsubscribeLinks.PATH + "{token}")
    String confirm(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        var target = links.verify(token);
        if (target == null) {
            return invalid(model, response);
        }
        model.addAttribute("purpose", purposeName(target.purpose(), locale));
        if (!subjects.exists(target.subject())) {
            // everything about the person was destroyed at the end of the keeping period: nothing to withdraw
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("step", "nothing-kept");
            return "consent/unsubscribe";
        }
        model.addAttribute("action", UnsubscribeLinks.PATH + token);
        model.addAttribute("step", "confirm");
        return "consent/unsubscribe";
    }

    @PostMapping(UnsubscribeLinks.PATH + "{token}")
    String unsubscribe(
            @PathVariable String token,
            @RequestParam(name = "List-Unsubscribe", required = false) String oneClick,
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
            return "consent/unsubscribe";
        }
        var target = links.verify(token);
        if (target == null) {
            return invalid(model, response);
        }
        if (!ONE_CLICK.equals(oneClick)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("step", "bad-request");
            return "consent/unsubscribe";
        }
        var proof = new ConsentRecord.Proof("rfc8058-one-click", null, null, locale.getLanguage(), false);
        String step = "done";
        try {
            ledger.withdraw(target.subject(), target.purpose(), ConsentTerms.Channel.EMAIL, proof);
        } catch (ConsentLedger.SubjectDestroyed e) {
            step = "nothing-kept"; // no consent is kept for this person any more: nothing left to withdraw
        }
        model.addAttribute("purpose", purposeName(target.purpose(), locale));
        model.addAttribute("step", step);
        return "consent/unsubscribe";
    }

    private String invalid(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("step", "invalid");
        return "consent/unsubscribe";
    }

    private String purposeName(String id, Locale locale) {
        return inventory.current().purposes().stream()
                .filter(p -> p.id().equals(id))
                .map(p -> p.name().in(locale))
                .findFirst()
                .orElse(id);
    }
}
