package ca.gardien.portal;

import ca.gardien.complaints.Complaints;
import ca.gardien.complaints.NewComplaint;
import ca.gardien.organization.Letterhead;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.RateLimitedException;
import ca.gardien.shared.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The public complaint form: exactly what the governance policy asks (name, contact details with a phone number,
 * subject, reasons) and the language of the answer; limited per address like the request form; acknowledged by email.
 */
@Controller
@RequestMapping("/privacy/complaints")
class ComplaintFormPages {

    /** What the person typed, shown back when something is missing. */
    record ComplaintForm(String name, String email, String phone, String subject, String reasons, String language) {}

    static final String LIMIT = "complaints.form-per-address";

    private final Complaints complaints;
    private final RateLimits limits;
    private final RateLimits.Quota quota;
    private final TransactionTemplate transactions;
    private final MessageSource messages;
    private final Letterhead letterhead;

    ComplaintFormPages(
            Complaints complaints,
            RateLimits limits,
            TransactionTemplate transactions,
            MessageSource messages,
            Letterhead letterhead,
            @Value("${gardien.complaints.limits.form-per-address:5/1h}") String quota) {
        this.complaints = complaints;
        this.limits = limits;
        this.transactions = transactions;
        this.messages = messages;
        this.letterhead = letterhead;
        this.quota = RateLimits.Quota.of(quota);
    }

    /** The form's address typed without its last part (it answered 405 "try again in a moment"): the form. */
    @GetMapping
    String toTheForm(Locale locale) {
        return "redirect:/privacy/complaints/new?lang=" + locale.getLanguage();
    }

    @GetMapping("/new")
    String form(Model model, Locale locale) {
        model.addAttribute("form", new ComplaintForm(null, null, null, null, null, locale.getLanguage()));
        return form(model, Map.of());
    }

    @PostMapping
    String submit(
            @ModelAttribute("form") ComplaintForm form,
            Model model,
            HttpServletRequest http,
            HttpServletResponse response,
            Locale locale,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        var errors = new LinkedHashMap<String, String>();
        try {
            var complaint = transactions.execute(status -> {
                limits.consume(LIMIT, quota, RateLimits.addressKey(http.getRemoteAddr()));
                return complaints.receiveFromPortal(new NewComplaint(
                        form.name(),
                        form.email(),
                        form.phone(),
                        form.subject(),
                        form.reasons(),
                        null,
                        form.language(),
                        null,
                        null));
            });
            // post, redirect, get: reloading the confirmation does not file the complaint again (officer review)
            redirect.addFlashAttribute("dueOn", letterhead.day(complaint.dueOn(), locale)); // in words
            redirect.addFlashAttribute("reference", complaint.reference());
            return "redirect:/privacy/complaints/received?lang=" + locale.getLanguage();
        } catch (RateLimitedException e) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            model.addAttribute("rateLimited", true);
            return form(model, Map.of());
        } catch (InvalidInputException e) {
            e.errors()
                    .forEach(f ->
                            errors.putIfAbsent(f.field(), f.in(messages, locale).message()));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return form(model, errors);
    }

    /**
     * The form shown again in the language its switch asked for ({@code lang}, read by the locale interceptor), with
     * what was typed: nothing is checked, filed or counted. A POST, so that nothing typed goes into an address.
     */
    /** The switch's address reloaded, bookmarked or opened anew: the empty form, in the language asked for. */
    @GetMapping("/language")
    String languageAgain(Locale locale) {
        return "redirect:/privacy/complaints/new?lang=" + locale.getLanguage();
    }

    @PostMapping("/language")
    String inLanguage(
            @ModelAttribute("form") ComplaintForm form,
            @org.springframework.web.bind.annotation.RequestParam(required = false) String shownIn,
            Model model,
            Locale locale) {
        model.addAttribute(
                "form",
                new ComplaintForm(
                        form.name(),
                        form.email(),
                        form.phone(),
                        form.subject(),
                        form.reasons(),
                        AnswerLanguage.after(form.language(), shownIn, locale)));
        return form(model, Map.of());
    }

    /** The confirmation, once, after a complaint was filed; reloaded later, the form again. */
    @GetMapping("/received")
    String received(Model model, Locale locale) {
        if (!model.containsAttribute("reference")) {
            return "redirect:/privacy/complaints/new?lang=" + locale.getLanguage();
        }
        return "portal/complaint-received";
    }

    private String form(Model model, Map<String, String> errors) {
        model.addAttribute("errors", errors);
        // the language switch posts the form to /language (fragments :: langForm); the page's own address for the rest
        model.addAttribute("currentPath", "/privacy/complaints/new");
        return "portal/complaint-form";
    }
}
