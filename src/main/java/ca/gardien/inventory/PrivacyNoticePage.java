package ca.gardien.inventory;

import ca.gardien.organization.Organization;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The public privacy notice at {@code /privacy}, French by default and English with {@code ?lang=en}. */
@Controller
class PrivacyNoticePage {

    private final Inventory inventory;
    private final Organization organization;
    private final NoticeVersions versions;
    private final MessageSource messages;
    private final List<NoticeStatements> statements;

    PrivacyNoticePage(
            Inventory inventory,
            Organization organization,
            NoticeVersions versions,
            MessageSource messages,
            List<NoticeStatements> statements) {
        this.statements = List.copyOf(statements);
        this.inventory = inventory;
        this.organization = organization;
        this.versions = versions;
        this.messages = messages;
    }

    @GetMapping("/privacy")
    String notice(Model model, Locale locale) {
        organization.profile().ifPresent(p -> model.addAttribute("profile", p));
        model.addAttribute("notice", PrivacyNotice.of(inventory.current(), locale, messages));
        model.addAttribute("versions", versions.all());
        model.addAttribute(
                "statements",
                statements.stream().flatMap(s -> s.statements(locale).stream()).toList());
        return "inventory/privacy";
    }

    /** Every approved version stays readable, as approved. */
    @GetMapping("/privacy/versions/{version}")
    String version(@PathVariable String version, Model model, Locale locale) {
        var found = version.matches("[1-9][0-9]{0,8}") ? versions.find(Integer.parseInt(version)) : Optional.empty();
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("version", found.get());
        model.addAttribute("blocks", NoticeMarkup.blocks(((NoticeVersion) found.get()).text(locale)));
        return "inventory/privacy-version";
    }
}
