package ca.gardien.portal;

import ca.gardien.requests.IdentifierKind;
import ca.gardien.requests.IdentityVerification;
import ca.gardien.requests.RequestIntake;
import ca.gardien.requests.RequestRefusal;
import ca.gardien.requests.RequestType;
import ca.gardien.requests.Requests;
import ca.gardien.shared.Actor;
import ca.gardien.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public request form: the same intake as the API (channel PORTAL), then a page to enter the one-time code(s).
 * The request id in the address is unguessable; the pages show identifier kinds and states, never values.
 */
@Controller
@RequestMapping("/privacy/requests")
class RequestPages {

    /** The rights of the Québec profile, in the order the form offers them. */
    static final List<RequestType> TYPES = List.of(
            RequestType.ACCESS,
            RequestType.RECTIFICATION,
            RequestType.CONSENT_WITHDRAWAL,
            RequestType.CESSATION_OF_DISSEMINATION,
            RequestType.REINDEXATION,
            RequestType.PORTABILITY,
            RequestType.DESTRUCTION,
            RequestType.AUTOMATED_DECISION_EXPLANATION);

    private static final Actor PERSON = new Actor(Actor.Kind.SUBJECT, "portal");
    private static final Map<String, String> FIELDS = Map.of(
            "type", "type",
            "subject", "email",
            "subject.email", "email",
            "subject.phone", "phone",
            "language", "language",
            "details", "details");

    private final RequestIntake intake;
    private final Requests requests;
    private final IdentityVerification verification;

    RequestPages(RequestIntake intake, Requests requests, IdentityVerification verification) {
        this.intake = intake;
        this.requests = requests;
        this.verification = verification;
    }

    @GetMapping("/new")
    String form(Model model, Locale locale) {
        model.addAttribute("form", new RequestForm(null, null, null, locale.getLanguage(), null));
        return form(model, Map.of());
    }

    @PostMapping
    String submit(@ModelAttribute("form") RequestForm form, Model model, HttpServletResponse response) {
        var errors = new LinkedHashMap<String, String>();
        if (form.type() == null || form.type().isBlank()) {
            errors.put("type", "type");
        } else {
            try {
                var request = intake.submit(form.toNewRequest(), PERSON);
                return "redirect:/privacy/requests/" + request.id() + "/code";
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.putIfAbsent(FIELDS.getOrDefault(f.field(), "type"), f.field()));
            } catch (RuntimeException e) {
                if (!(e instanceof RequestRefusal)) {
                    throw e;
                }
                errors.put("type", "type.unavailable");
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, errors);
    }

    @GetMapping("/{id}/code")
    String code(@PathVariable UUID id, Model model) {
        var request = requests.get(id);
        model.addAttribute("request", request);
        model.addAttribute(
                "awaiting",
                request.identifiers().stream()
                        .filter(i -> i.kind() != IdentifierKind.CUSTOMER && !i.verified())
                        .map(i -> i.kind().name())
                        .toList());
        return "portal/request-code";
    }

    @PostMapping("/{id}/code")
    String check(
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String code,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var parsed = kind(kind);
        try {
            verification.verify(id, parsed, code);
            redirect.addFlashAttribute("verified", parsed.name());
            return "redirect:/privacy/requests/" + id + "/code";
        } catch (RuntimeException e) {
            model.addAttribute("codeError", refusal(e));
            model.addAttribute("codeKind", parsed.name());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return code(id, model);
        }
    }

    @PostMapping("/{id}/code/resend")
    String resend(
            @PathVariable UUID id,
            @RequestParam(required = false) String kind,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var parsed = kind(kind);
        try {
            verification.sendCode(id, parsed, PERSON);
            redirect.addFlashAttribute("resent", parsed.name());
            return "redirect:/privacy/requests/" + id + "/code";
        } catch (RuntimeException e) {
            model.addAttribute("codeError", refusal(e));
            model.addAttribute("codeKind", parsed.name());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return code(id, model);
        }
    }

    private String form(Model model, Map<String, String> errors) {
        model.addAttribute("types", TYPES.stream().map(Enum::name).toList());
        model.addAttribute("errors", errors);
        return "portal/request-form";
    }

    private static IdentifierKind kind(String kind) {
        if ("PHONE".equals(kind)) {
            return IdentifierKind.PHONE;
        }
        if ("EMAIL".equals(kind)) {
            return IdentifierKind.EMAIL;
        }
        throw new InvalidInputException("kind", "must be EMAIL or PHONE");
    }

    /** The message key of a failed check: wrong or expired code (400), locked or too many (429), closed (409). */
    private static String refusal(RuntimeException e) {
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
