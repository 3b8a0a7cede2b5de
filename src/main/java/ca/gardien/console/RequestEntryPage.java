package ca.gardien.console;

import ca.gardien.organization.CurrentActor;
import ca.gardien.requests.Addressee;
import ca.gardien.requests.NewRequest;
import ca.gardien.requests.RequestIntake;
import ca.gardien.requests.RequestRefusal;
import ca.gardien.requests.RequestViews;
import ca.gardien.requests.RequestWork;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FormSteps;
import ca.gardien.shared.InvalidInputException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Staff enter a request received by mail, by phone or in person (a paper letter, a call): the same intake as the portal
 * and the API (statutory clock from the day it was received, acknowledgement and codes to the email or phone given). A
 * refused entry shows the form again with what was typed and each error next to its field.
 */
@Controller
@RequestMapping("/console/requests/new")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE','STAFF')")
class RequestEntryPage {

    static final List<String> CHANNELS = List.of("MAIL", "PHONE");
    static final List<String> FIELDS = List.of(
            "type",
            "channel",
            "jurisdiction",
            "language",
            "receivedOn",
            "email",
            "phone",
            "customerNumber",
            "details",
            "name",
            "postalAddress",
            "representative");

    private final RequestWork work;
    private final RequestViews views;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final HeldLetter held;

    RequestEntryPage(
            RequestWork work, RequestViews views, MessageSource messages, java.time.Clock clock, HeldLetter held) {
        this.held = held;
        this.clock = clock;
        this.work = work;
        this.views = views;
        this.messages = messages;
    }

    /** The empty form, on the organization's primary jurisdiction when it has one (it was QC, written here). */
    @GetMapping
    String form(Model model, java.util.Locale locale) {
        var primary = views.primaryJurisdiction();
        var start = Map.of("channel", "MAIL", "jurisdiction", primary == null ? "" : primary, "language", "fr");
        return page(model, start, Map.of(), locale);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String enter(
            @RequestParam Map<String, String> form,
            @RequestParam(name = "letter", required = false) MultipartFile letter,
            @RequestParam(name = "representativeDocument", required = false) MultipartFile representativeDocument,
            Authentication auth,
            Model model,
            java.util.Locale locale,
            org.springframework.web.servlet.mvc.support.RedirectAttributes flash)
            throws IOException {
        var actor = CurrentActor.of(auth);
        var account = actor.kind() + ":" + actor.id(); // one held letter per account, whatever its sessions
        var typed = new LinkedHashMap<String, String>();
        FIELDS.forEach(f -> typed.put(f, form.getOrDefault(f, "")));
        // a channel of the portal or the API is not the console's: refused with the other fields' errors, all at once
        var channel = blank(typed.get("channel"));
        var otherChannel = channel != null && !CHANNELS.contains(channel);
        var input = new NewRequest(
                blank(typed.get("type")),
                new NewRequest.Subject(
                        blank(typed.get("email")), blank(typed.get("phone")), blank(typed.get("customerNumber"))),
                blank(typed.get("jurisdiction")),
                otherChannel ? null : channel,
                blank(typed.get("language")),
                blank(typed.get("details")),
                null,
                blank(typed.get("representative")),
                null,
                new Addressee(typed.get("name"), typed.get("postalAddress")));
        var errors = new LinkedHashMap<String, String>();
        // the letter chosen now, else the one held from a refused save (unless the officer removed it)
        var file = upload(letter);
        var document = upload(representativeDocument);
        var token = blank(form.get("letterToken"));
        if (file == null && token != null && !"true".equals(form.get("removeLetter"))) {
            file = held.find(account, token, clock.instant());
            if (file == null) { // expired, replaced or dropped: never save the request without the letter meant
                errors.put("letter", messages.getMessage("crq.entry.letter.lost", null, locale));
                return refused(model, typed, errors, document, locale);
            }
        }
        try {
            var request = work.enter(input, typed.get("receivedOn"), file, document, actor);
            held.forget(account);
            flash.addFlashAttribute("done", true); // said on the request's page (officer's tour: it opened silently)
            flash.addFlashAttribute("doneKey", "entered");
            return "redirect:/console/requests/" + request.id();
        } catch (InvalidInputException e) {
            e.errors()
                    .forEach(f -> errors.putIfAbsent(
                            field(f.field()),
                            switch (f.field()) {
                                case "subject" -> messages.getMessage("crq.entry.person.missing", null, locale);
                                // the API's message names the codes (PARENT, TUTOR, MANDATARY); the form offers words
                                case "representative" -> messages.getMessage("form.choose", null, locale);
                                default -> f.inForm(messages, locale).message();
                            }));
        } catch (ConflictException e) {
            errors.put("form", e.in(messages, locale));
        } catch (RuntimeException e) {
            if (!(e instanceof RequestRefusal refusal)) {
                throw e;
            }
            var detail = refusal.detail(messages, locale);
            refusal.fields().forEach(f -> errors.putIfAbsent(field(f), detail));
            if (refusal.fields().isEmpty()) {
                errors.put("form", detail);
            }
        }
        // refused for another field: the letter is held so that the officer need not choose it again
        held.forget(account);
        if (file != null && !errors.containsKey("letter")) {
            model.addAttribute("heldLetter", held.hold(account, file, clock.instant()));
        }
        return refused(model, typed, errors, document, locale);
    }

    /** The form again; a representative's document chosen is not held: the form says to choose it again. */
    private String refused(
            Model model,
            Map<String, String> typed,
            Map<String, String> errors,
            RequestIntake.Upload document,
            java.util.Locale locale) {
        if (document != null) {
            errors.putIfAbsent("representativeDocument", messages.getMessage("crq.entry.document.again", null, locale));
        }
        model.addAttribute("fieldLines", RequestEntryLines.lines(errors, messages, locale));
        return page(model, typed, errors, locale);
    }

    private String page(Model model, Map<String, String> typed, Map<String, String> errors, java.util.Locale locale) {
        model.addAttribute("typeGroups", RequestEntryLines.typeGroups(views, messages, locale));
        model.addAttribute("channels", CHANNELS);
        model.addAttribute("jurisdictions", views.jurisdictions());
        model.addAttribute("primaryJurisdiction", views.primaryJurisdiction());
        model.addAttribute("entry", typed);
        model.addAttribute("fieldErrors", errors);
        return "console/request-new";
    }

    /** The form's name of an intake field ({@code subject.email} is the field {@code email}). */
    private static String field(String name) {
        return switch (name) {
            case "subject" -> "person"; // the person's identifiers, none given
            case "subject.email" -> "email";
            case "subject.phone" -> "phone";
            case "subject.customerNumber" -> "customerNumber";
            case "addressee.name" -> "name"; // the person's name and postal address for an answer by post
            case "addressee.postalAddress" -> "postalAddress";
            case "letter", "representativeDocument" -> name;
            default -> FIELDS.contains(name) ? name : "form";
        };
    }

    private static String blank(String s) {
        return FormSteps.blank(s);
    }

    /** A file sent with a console form, or null when none was chosen. */
    static RequestIntake.Upload upload(MultipartFile file) throws IOException {
        if (file == null
                || (file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isEmpty()))) {
            return null;
        }
        var type = file.getContentType() == null || file.getContentType().length() > 100
                ? MediaType.APPLICATION_OCTET_STREAM_VALUE
                : file.getContentType();
        return new RequestIntake.Upload(type, file.getBytes(), file.getOriginalFilename());
    }
}
