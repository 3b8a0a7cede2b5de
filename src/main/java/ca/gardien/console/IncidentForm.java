package ca.gardien.console;

import ca.gardien.incidents.Incident;
import ca.gardien.incidents.IncidentDetails;
import ca.gardien.incidents.IncidentKind;
import ca.gardien.incidents.Incidents;
import ca.gardien.inventory.Inventory;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The description of an entry, new or changed (register items 1–5, the kind of s. 3.6, the systems and categories of
 * the data map): dates from date inputs and awareness as a date and a time in the organization's zone; on refusal the
 * page comes back with what was typed and each error next to its field. The data map's first estimate (sensitive
 * categories, persons concerned) is shown beside the choice of systems and categories.
 */
@Controller
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
class IncidentForm {

    private final Incidents incidents;
    private final Inventory inventory;
    private final MessageSource messages;
    private final ConsoleTimes times;

    IncidentForm(Incidents incidents, Inventory inventory, MessageSource messages, ConsoleTimes times) {
        this.incidents = incidents;
        this.times = times;
        this.inventory = inventory;
        this.messages = messages;
    }

    @GetMapping("/console/incidents/new")
    String newEntry(Model model) {
        return page(model, null, Map.of(), Map.of());
    }

    @GetMapping("/console/incidents/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        return page(model, incidents.get(id), typed(incidents.get(id)), Map.of());
    }

    @PostMapping("/console/incidents")
    String record(
            HttpServletRequest request, Authentication auth, Model model, RedirectAttributes flash, Locale locale) {
        return save(null, request, auth, model, flash, locale);
    }

    @PostMapping("/console/incidents/{id}/edit")
    String describe(
            @PathVariable UUID id,
            HttpServletRequest request,
            Authentication auth,
            Model model,
            RedirectAttributes flash,
            Locale locale) {
        return save(incidents.get(id), request, auth, model, flash, locale);
    }

    private String save(
            Incident current,
            HttpServletRequest request,
            Authentication auth,
            Model model,
            RedirectAttributes flash,
            Locale locale) {
        var typed = IncidentInput.typed(request.getParameterMap());
        try {
            var details = details(new IncidentInput(typed), request);
            var saved = current == null
                    ? incidents.record(details, CurrentActor.of(auth))
                    : incidents.describe(current.id(), details, CurrentActor.of(auth));
            flash.addFlashAttribute("done", current == null ? "recorded" : "described"); // incident.html says which
            return "redirect:/console/incidents/" + saved.id();
        } catch (InvalidInputException | ConflictException e) {
            var page =
                    page(model, current, typed, IncidentInput.errors(e, messages, locale, List.copyOf(typed.keySet())));
            model.addAttribute("chosenSystems", list(request.getParameterValues("systems")));
            model.addAttribute("chosenCategories", list(request.getParameterValues("categories")));
            return page;
        }
    }

    private IncidentDetails details(IncidentInput in, HttpServletRequest request) {
        var kind = in.text("kind");
        var details = new IncidentDetails(
                in.text("title"),
                kind == null
                        ? null
                        : Arrays.stream(IncidentKind.values())
                                .filter(k -> k.name().equals(kind))
                                .findFirst()
                                .orElse(null),
                in.text("piDescription"),
                in.text("piUnknownReason"),
                in.text("circumstances"),
                in.date("occurredOn"),
                in.date("occurredUntil"),
                in.checked("occurredApproximate"),
                in.moment("awareOn", "awareTime", times.zone()),
                in.number("personsCount"),
                in.number("personsInQuebec"),
                in.checked("personsApproximate"),
                list(request.getParameterValues("systems")),
                list(request.getParameterValues("categories")));
        in.check(() -> incidents.mistakes(details));
        return details;
    }

    /** An item of the data map to choose: its id and its name in the page's language. */
    record Choice(String id, String label) {}

    private static List<String> list(String[] values) {
        return values == null ? List.of() : List.of(values);
    }

    /** The form's values of a recorded entry; awareness as a date and a time in the organization's zone. */
    private Map<String, String> typed(Incident i) {
        var typed = new LinkedHashMap<String, String>();
        var aware = i.awareAt().atZoneSameInstant(times.zone());
        typed.put("title", i.title());
        typed.put("kind", i.kind() == null ? "" : i.kind().name());
        typed.put("piDescription", i.piDescription());
        typed.put("piUnknownReason", i.piUnknownReason());
        typed.put("circumstances", i.circumstances());
        typed.put("occurredOn", String.valueOf(i.occurredFrom()));
        typed.put("occurredUntil", i.occurredTo() == null ? "" : i.occurredTo().toString());
        typed.put("occurredApproximate", String.valueOf(i.occurredApproximate()));
        typed.put("awareOn", aware.toLocalDate().toString());
        typed.put("awareTime", aware.toLocalTime().withSecond(0).withNano(0).toString());
        typed.put(
                "personsCount", i.personsCount() == null ? "" : i.personsCount().toString());
        typed.put(
                "personsInQuebec",
                i.personsInQuebec() == null ? "" : i.personsInQuebec().toString());
        typed.put("personsApproximate", String.valueOf(i.personsApproximate()));
        return typed;
    }

    private String page(Model model, Incident current, Map<String, String> typed, Map<String, String> errors) {
        var map = inventory.current();
        model.addAttribute("current", current);
        model.addAttribute("typed", typed);
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("kinds", IncidentKind.values());
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute(
                "systems",
                map.systems().stream().map(s -> new Choice(s.id(), s.name())).toList());
        model.addAttribute(
                "categories",
                map.piCategories().stream()
                        .map(c -> new Choice(c.id(), c.name().in(locale)))
                        .toList());
        model.addAttribute("chosenSystems", current == null ? List.of() : current.systems());
        model.addAttribute("chosenCategories", current == null ? List.of() : current.categories());
        model.addAttribute(
                "estimate", current == null ? null : incidents.estimate(current.systems(), current.categories()));
        model.addAttribute("zone", times.zoneInWords()); // in words, as pages name it
        return "console/incident-form";
    }
}
