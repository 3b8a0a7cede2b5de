package ca.gardien.console;

import ca.gardien.shared.Language;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The language switch on every page. Only local paths are accepted as the return address (no open redirect). A switch
 * made on a console page (it returns to one) sets the console's language for the signed-in person; on any other page,
 * the public site's ({@link AccountLocaleResolver}).
 */
@Controller
class LocaleController {

    private static final Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9/._-]*");

    private final AccountLocaleResolver locales;

    LocaleController(AccountLocaleResolver locales) {
        this.locales = locales;
    }

    @GetMapping("/locale")
    String switchTo(
            @RequestParam(defaultValue = "fr") String lang,
            @RequestParam(name = "return", defaultValue = "/") String returnTo,
            HttpServletRequest request,
            HttpServletResponse response) {
        var locale = Language.byCode(lang).orElse(Language.FRENCH).locale();
        // a local path without dot segments ("/console/../x" is neither the console nor a page of it)
        var target = LOCAL_PATH.matcher(returnTo).matches() && !returnTo.startsWith("//") && !returnTo.contains("/.")
                ? returnTo
                : "/";
        if (AccountLocaleResolver.isConsole(target) && AccountLocaleResolver.signedIn()) {
            locales.setConsoleLocale(request, locale);
        } else {
            locales.setPublicLocale(request, response, locale);
        }
        return "redirect:" + target;
    }
}
