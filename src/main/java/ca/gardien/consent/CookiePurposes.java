package ca.gardien.consent;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;

/**
 * The purposes the cookie banner records a visitor's choice under, one per optional category ({@code cookie-preferences},
 * {@code cookie-statistics}, {@code cookie-marketing}): they are not in the data map, whose purposes sit under these
 * categories, so they are named here for the pages that list consent by purpose.
 */
@org.springframework.modulith.NamedInterface("views")
public final class CookiePurposes {

    private CookiePurposes() {}

    /** Each banner purpose's name in the reader's language: its category as the banner names it, said to be cookies. */
    public static Map<String, String> names(MessageSource messages, Locale locale) {
        var names = new LinkedHashMap<String, String>();
        for (var category : BannerController.CATEGORIES) {
            var label = messages.getMessage("consent.banner.category." + category, null, category, locale);
            names.put(
                    "cookie-" + category, messages.getMessage("consent.cookie.purpose", new Object[] {label}, locale));
        }
        return names;
    }
}
