package ca.gardien.console;

import ca.gardien.connectors.ConnectorDesk;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Registers a JDBC connector from the console; the password is sealed by the catalog and never sent back. */
@Controller
@RequestMapping("/console/connectors")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
class ConnectorForms {

    private final ConnectorDesk catalog;
    private final MessageSource messages;

    ConnectorForms(ConnectorDesk catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("fieldErrors", Map.of());
        return "console/connector-new";
    }

    @PostMapping
    String register(
            @RequestParam(defaultValue = "") String id,
            @RequestParam(defaultValue = "") String url,
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password,
            Authentication auth,
            Model model) {
        try {
            catalog.registerJdbc(
                    id.strip(),
                    url.strip(),
                    username.isBlank() ? null : username,
                    password.isEmpty() ? null : password,
                    CurrentActor.of(auth));
            return "redirect:/console/connectors/" + id.strip();
        } catch (InvalidInputException e) {
            return again(id, url, username, e.errors(), model);
        } catch (ConflictException e) {
            return again(id, url, username, List.of(e.on("id")), model);
        }
    }

    /** The form again with what was typed, except the password, and each error next to its field. */
    private String again(String id, String url, String username, List<FieldError> refusals, Model model) {
        var errors = refusals.stream()
                .map(f -> f.inForm(messages, LocaleContextHolder.getLocale()))
                .toList();
        var byField = new LinkedHashMap<String, String>();
        errors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + "; " + b));
        model.addAttribute("id", id);
        model.addAttribute("url", url);
        model.addAttribute("username", username);
        model.addAttribute("fieldErrors", byField);
        model.addAttribute("errors", errors);
        return "console/connector-new";
    }
}
