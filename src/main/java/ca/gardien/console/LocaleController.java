package ca.gardien.console;

import ca.gardien.shared.Language;
import ca.gardien.shared.LocalPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The language switch on every page. Only local paths are accepted as the return address (no open redirect), with the
 * page's query when it is plainly one (still percent-encoded). A switch
 * made on a console page (it returns to one) sets the console's language for the signed-in person; on any other page,
 * the public site's ({@link AccountLocaleResolver}).
 */
@Controller
class LocaleController {

    /**
     * A query as a form encodes it ({@link PagePath#withQuery} writes every page's that way): nothing that could end the
     * address or a header.
     */
    static final Pattern QUERY = Pattern.compile("[A-Za-z0-9%&=._*+-]{1,2000}");

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
        // a local path without dot segments ("/console/../x" is neither the console nor a page of it), and its query
        // when it is one a page's address carries (a list's filters, a notice's language)
        int mark = returnTo.indexOf('?');
        var path = mark < 0 ? returnTo : returnTo.substring(0, mark);
        var query = mark < 0 ? "" : returnTo.substring(mark + 1);
        var target = LocalPaths.local(path) ? path : "/";
        if (!target.equals("/") && QUERY.matcher(query).matches()) {
            target = target + "?" + query;
        }
        if (AccountLocaleResolver.isConsole(target) && AccountLocaleResolver.signedIn()) {
            locales.setConsoleLocale(request, locale);
        } else {
            locales.setPublicLocale(request, response, locale);
        }
        return "redirect:" + target;
    }
}
