package ca.gardien.console;

import ca.gardien.complaints.ComplaintDesk;
import ca.gardien.complaints.NewComplaint;
import ca.gardien.mail.HeldMail;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FormSteps;
import ca.gardien.shared.InvalidInputException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff enter a complaint received by mail, email or phone: the received date starts the clock, the scanned letter goes
 * into the file with it (both or neither), the complainant is acknowledged by email when an address is given (held in
 * the outbox, and said so, when no mail server is configured). A letter
 * received by post may give no phone and no email but a postal address, which its answer is printed for. A refused
 * entry shows the form again with what was typed and each error next to its field.
 */
@Controller
@RequestMapping("/console/complaints/new")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','STAFF')")
class ComplaintEntryPage {

    static final List<String> CHANNELS = List.of("MAIL", "EMAIL", "PHONE");
    static final List<String> FIELDS = List.of(
            "channel", "receivedOn", "language", "name", "email", "phone", "postalAddress", "subject", "reasons");

    private final ComplaintDesk desk;
    private final MessageSource messages;
    private final HeldMail mail;

    ComplaintEntryPage(ComplaintDesk desk, MessageSource messages, HeldMail mail) {
        this.desk = desk;
        this.messages = messages;
        this.mail = mail;
    }

    @GetMapping
    String form(Model model) {
        return page(model, Map.of("channel", "MAIL", "language", "fr"), Map.of(), false);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String enter(
            @RequestParam Map<String, String> form,
            @RequestParam(name = "letter", required = false) MultipartFile letter,
            Authentication auth,
            Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes flash,
            Locale locale)
            throws IOException {
        var typed = new LinkedHashMap<String, String>();
        FIELDS.forEach(f -> typed.put(f, form.getOrDefault(f, "")));
        var errors = new LinkedHashMap<String, String>();
        var channel = FormSteps.blank(typed.get("channel"));
        if (channel == null || !CHANNELS.contains(channel)) {
            // the portal's and the API's channels are not the console's
            errors.put("channel", messages.getMessage("complaints.entry.channel.invalid", null, locale));
        }
        var upload = RequestEntryPage.upload(letter);
        var input = new NewComplaint(
                typed.get("name"),
                FormSteps.blank(typed.get("email")),
                typed.get("phone"),
                typed.get("subject"),
                typed.get("reasons"),
                FormSteps.blank(typed.get("receivedOn")),
                FormSteps.blank(typed.get("language")),
                channel,
                null,
                FormSteps.blank(typed.get("postalAddress")));
        if (!errors.isEmpty()) {
            return page(model, typed, errors, upload != null);
        }
        try {
            var entered = desk.enter(
                    input,
                    upload == null ? null : upload.mediaType(),
                    upload == null ? null : upload.content(),
                    upload == null ? null : upload.fileName(),
                    auth);
            // said on the file's page (officer's review: it opened silently); with no mail server the acknowledgement
            // stays in the outbox, and the words say so rather than promise it was sent (officer's walk)
            boolean held = entered.complaint().email() != null && !mail.deliveryConfigured();
            flash.addFlashAttribute("done", held ? "entered.held" : "entered");
            return "redirect:/console/complaints/" + entered.complaint().id();
        } catch (InvalidInputException e) {
            e.errors()
                    .forEach(f -> errors.putIfAbsent(
                            field(f.field()), f.inForm(messages, locale).message()));
        } catch (ConflictException e) {
            errors.put("form", e.in(messages, locale));
        }
        return page(model, typed, errors, upload != null);
    }

    /** The form; a browser cannot keep a chosen file, so a refusal says when the letter must be attached again. */
    private static String page(
            Model model, Map<String, String> typed, Map<String, String> errors, boolean letterDropped) {
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("letterDropped", letterDropped);
        model.addAttribute("entry", typed);
        model.addAttribute("fieldErrors", errors);
        return "console/complaint-new";
    }

    private static String field(String name) {
        return "file".equals(name) || "kind".equals(name) ? "letter" : FIELDS.contains(name) ? name : "form";
    }
}
