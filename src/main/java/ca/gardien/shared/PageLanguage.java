package ca.gardien.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a public page: the one the person chose with the page's language switch (kept in a cookie), else
 * the one the page itself is for. A page that speaks for something in a language of its own (the download page of an
 * answer written in English) sets it for the request it answers; the locale resolver honours it, and a choice made with
 * the switch still wins.
 */
public final class PageLanguage {

    /** The cookie that keeps the public site's language chosen with the switch ({@code fr}, {@code en}). */
    public static final String COOKIE = "gardien-lang";

    /** The request attribute holding the language chosen for this request only. */
    public static final String THIS_REQUEST = PageLanguage.class.getName() + ".request";

    private PageLanguage() {}

    /** The language the person chose with the switch, if they did. */
    public static Optional<Locale> chosen(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (var c : request.getCookies()) {
                var chosen = COOKIE.equals(c.getName()) ? Language.byCode(c.getValue()) : Optional.<Language>empty();
                if (chosen.isPresent()) {
                    return Optional.of(chosen.get().locale());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * This request's page speaks the language the person chose with the switch, else {@code language} (a code such as
     * {@code en}; French when Gardien does not speak it).
     *
     * @return the locale the page is rendered in
     */
    public static Locale of(HttpServletRequest request, String language) {
        var locale = chosen(request)
                .orElse(Language.of(language == null ? null : Locale.forLanguageTag(language))
                        .locale());
        request.setAttribute(THIS_REQUEST, locale);
        return locale;
    }
}
