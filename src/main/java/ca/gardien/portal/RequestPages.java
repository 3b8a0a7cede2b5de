package ca.gardien.portal;

import ca.gardien.requests.RequestIntake;
import ca.gardien.requests.RequestRefusal;
import ca.gardien.requests.RequestType;
import ca.gardien.requests.RequestViews;
import ca.gardien.shared.Actor;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.RateLimitedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The public request form: the same intake as the API (channel PORTAL), then {@link RequestCodePages}. */
@Controller
@RequestMapping("/privacy/requests")
class RequestPages {

    /**
     * The rights the form offers, in its order; erasure (GDPR, CCPA) only when the profile the form files under allows
     * it.
     */
    static final List<RequestType> TYPES = List.of(
            RequestType.ACCESS,
            RequestType.RECTIFICATION,
            RequestType.CONSENT_WITHDRAWAL,
            RequestType.CESSATION_OF_DISSEMINATION,
            RequestType.REINDEXATION,
            RequestType.PORTABILITY,
            RequestType.DESTRUCTION,
            RequestType.ERASURE,
            RequestType.AUTOMATED_DECISION_EXPLANATION);

    static final Actor PERSON = new Actor(Actor.Kind.SUBJECT, "portal");
    private static final Map<String, String> FIELDS = Map.of(
            "type", "type",
            "subject", "email",
            "subject.email", "email",
            "subject.phone", "phone",
            "language", "language",
            "details", "details");

    private final RequestIntake intake;
    private final RequestViews views;

    RequestPages(RequestIntake intake, RequestViews views) {
        this.intake = intake;
        this.views = views;
    }

    /** The form's address typed without its last part (it answered 405 "try again in a moment"): the form. */
    private static final String NOT_TEXTABLE = "requests.field.phone-not-textable";

    private static final String CONTROL_CHARACTERS = "shared.field.control-characters";

    @GetMapping
    String toTheForm(Locale locale) {
        return "redirect:/privacy/requests/new?lang=" + locale.getLanguage();
    }

    @GetMapping("/new")
    String form(Model model, Locale locale) {
        model.addAttribute("form", new RequestForm(null, null, null, locale.getLanguage(), null));
        return form(model, Map.of());
    }

    @PostMapping
    String submit(
            @ModelAttribute("form") RequestForm form,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response) {
        // every field checked at once by the intake, a missing type with the rest (the public's review: the type was
        // checked alone first, so a second submit brought the next error)
        var errors = new LinkedHashMap<String, String>();
        try {
            var request =
                    intake.submitPublic(form.toNewRequest(views.publicJurisdiction()), PERSON, http.getRemoteAddr());
            return "redirect:/privacy/requests/" + request.id() + "/code";
        } catch (RateLimitedException e) {
            // too many from this address: the page comes back with what was typed and a notice; nothing was written
            // or sent (over the limit per email or phone the request is received as usual, without its messages)
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            model.addAttribute("rateLimited", true);
            return form(model, Map.of());
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.putIfAbsent(FIELDS.getOrDefault(f.field(), "type"), reason(f)));
        } catch (RuntimeException e) {
            if (!(e instanceof RequestRefusal)) {
                throw e;
            }
            errors.put("type", "type.unavailable");
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, errors);
    }

    /**
     * The form shown again in the language its switch asked for ({@code lang}, read by the locale interceptor), with
     * what was typed: nothing is checked, sent or written. A POST, so that nothing typed goes into an address.
     */
    /** The switch's address reloaded, bookmarked or opened anew: the empty form, in the language asked for. */
    @GetMapping("/language")
    String languageAgain(Locale locale) {
        return "redirect:/privacy/requests/new?lang=" + locale.getLanguage();
    }

    @PostMapping("/language")
    String inLanguage(
            @ModelAttribute("form") RequestForm form,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String shownIn,
            Model model,
            Locale locale) {
        model.addAttribute(
                "form",
                new RequestForm(
                        form.type(),
                        form.email(),
                        form.phone(),
                        AnswerLanguage.after(form.language(), shownIn, locale),
                        form.details()));
        return form(model, Map.of());
    }

    /**
     * The reason shown ({@code rights.error.<reason>}): the field's own words, except where the intake gave another
     * reason than the field's usual one — a valid number that takes no texts is not "not a valid number", and a text
     * holding control characters or invisible marks is not "too long" (attacker's review: a 3-character text was told
     * it went beyond 4000).
     */
    private static String reason(FieldError f) {
        if (NOT_TEXTABLE.equals(f.key())) {
            return "subject.phone.not-textable";
        }
        return CONTROL_CHARACTERS.equals(f.key()) ? "control-characters" : f.field();
    }

    private String form(Model model, Map<String, String> errors) {
        var jurisdiction = views.publicJurisdiction();
        model.addAttribute(
                "types",
                TYPES.stream()
                        .filter(t -> views.jurisdictionsOffering(t).contains(jurisdiction))
                        .map(Enum::name)
                        .toList());
        model.addAttribute("errors", errors);
        // the language switch posts the form to /language (fragments :: langForm); the page's own address for the rest
        model.addAttribute("currentPath", "/privacy/requests/new");
        return "portal/request-form";
    }
}
