package ca.gardien.console;

import ca.gardien.shared.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/** The language switch on every page. Only local paths are accepted as the return address (no open redirect). */
@Controller
class LocaleController {

    private static final Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9/._-]*");

    private final LocaleResolver locales;

    LocaleController(LocaleResolver locales) {
        this.locales = locales;
    }

    @GetMapping("/locale")
    String switchTo(
            @RequestParam(defaultValue = "fr") String lang,
            @RequestParam(name = "return", defaultValue = "/") String returnTo,
            HttpServletRequest request,
            HttpServletResponse response) {
        locales.setLocale(
                request, response, Language.byCode(lang).orElse(Language.FRENCH).locale());
        var target = LOCAL_PATH.matcher(returnTo).matches() && !returnTo.startsWith("//") ? returnTo : "/";
        return "redirect:" + target;
    }
}
