package ca.gardien.portal;

import ca.gardien.organization.Letterhead;
import ca.gardien.requests.IdentityVerification;
import ca.gardien.requests.PublicLimits;
import ca.gardien.requests.RequestRefusal;
import ca.gardien.requests.Requests;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page on which the person enters the one-time code(s) of a request and may ask for a new one. The request id in
 * the address is unguessable; the page shows identifier kinds and states, never values.
 */
@Controller
@RequestMapping("/privacy/requests")
class RequestCodePages {

    private final Requests requests;
    private final IdentityVerification verification;
    private final PublicLimits limits;
    private final Letterhead letterhead;

    RequestCodePages(Requests requests, IdentityVerification verification, PublicLimits limits, Letterhead letterhead) {
        this.requests = requests;
        this.verification = verification;
        this.limits = limits;
        this.letterhead = letterhead;
    }

    @GetMapping("/{id}/code")
    String code(@PathVariable UUID id, Model model, Locale locale) {
        var request = requests.get(id).withoutIdentifierValues();
        model.addAttribute("request", request);
        // the last day in words, as the person's letters date it ("4 janvier 2027"), not 2027-01-04
        model.addAttribute("dueOn", letterhead.day(request.dueOn(), locale));
        // a request no longer open (cancelled, answered, deemed refused) awaits no code: no form to type one into
        model.addAttribute(
                "awaiting",
                !request.status().isOpen()
                        ? java.util.List.<String>of()
                        : request.identifiers().stream()
                                .filter(i -> i.kind() != IdentifierKind.CUSTOMER && !i.verified())
                                .map(i -> i.kind().name())
                                .toList());
        // a message that waits in the outbox, or came back undelivered, has not reached the person: the page does not
        // say it was sent (.held, .undelivered)
        model.addAttribute("fate", ca.gardien.requests.MessageFate.suffix(requests.fate(request)));
        return "portal/request-code";
    }

    @PostMapping("/{id}/code")
    String check(
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String code,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest http,
            HttpServletResponse response) {
        var parsed = kind(kind);
        try {
            limits.codeCheck(http.getRemoteAddr());
            verification.verify(id, parsed, code);
            redirect.addFlashAttribute("verified", parsed.name());
            return "redirect:/privacy/requests/" + id + "/code";
        } catch (RuntimeException e) {
            return refused(id, parsed, e, model, response);
        }
    }

    @PostMapping("/{id}/code/resend")
    String resend(
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            Model model,
            RedirectAttributes redirect,
            HttpServletRequest http,
            HttpServletResponse response) {
        var parsed = kind(kind);
        try {
            limits.codeSend(http.getRemoteAddr());
            verification.sendCode(id, parsed, RequestPages.PERSON);
            redirect.addFlashAttribute("resent", parsed.name());
            return "redirect:/privacy/requests/" + id + "/code";
        } catch (RuntimeException e) {
            return refused(id, parsed, e, model, response);
        }
    }

    /** The code page again, with the refusal; a rate limit answers 429 with {@code Retry-After}. */
    private String refused(
            UUID id, IdentifierKind kind, RuntimeException e, Model model, HttpServletResponse response) {
        model.addAttribute("codeError", refusal(e));
        model.addAttribute("codeKind", kind.name());
        if (e instanceof RateLimitedException limited) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(limited.retryAfterSeconds()));
        } else {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return code(id, model, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    private static IdentifierKind kind(String kind) {
        if ("PHONE".equals(kind)) {
            return IdentifierKind.PHONE;
        }
        if ("EMAIL".equals(kind)) {
            return IdentifierKind.EMAIL;
        }
        throw new InvalidInputException("kind", "portal.field.code-kind");
    }

    /** The message key of a failed check: wrong or expired code (400), locked or too many (429), closed (409). */
    private static String refusal(RuntimeException e) {
        if (e instanceof RateLimitedException) {
            return "rights.code.error.rate-limited";
        }
        if (e instanceof RequestRefusal refusal) {
            return switch (refusal.statusCode()) {
                case 429 -> "rights.code.error.locked";
                case 409 -> "rights.code.error.closed";
                default -> "rights.code.error.invalid";
            };
        }
        throw e;
    }
}
