package ca.gardien.console;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.AccountViews;
import ca.gardien.shared.Language;
import ca.gardien.shared.PageLanguage;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * French by default (Charter of the French language); English on request. The console and the public site choose
 * apart: the console's language is kept in the session and remembered on the account, so that it follows a person to
 * any browser; the public site's (and the sign-in page's) is kept in a cookie. An officer who reads the public notice
 * in English does not turn the console to English, nor the reverse — until the person signs out: the sign-in page that
 * follows then speaks the language the console spoke ({@link #keepAtSignOut}; officer's walk: it came back in French).
 */
class AccountLocaleResolver implements LocaleResolver {

    static final Locale DEFAULT = Language.FRENCH.locale();
    private static final String COOKIE = PageLanguage.COOKIE;
    private static final String SESSION_KEY = AccountLocaleResolver.class.getName();
    /** The language of this request only: chosen now, or set by a public page for what it shows (PageLanguage). */
    private static final String REQUEST_KEY = PageLanguage.THIS_REQUEST;

    private final AccountViews views;
    private final AccountAdministration accounts;

    AccountLocaleResolver(AccountViews views, AccountAdministration accounts) {
        this.views = views;
        this.accounts = accounts;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (request.getAttribute(REQUEST_KEY) instanceof Locale chosenNow) {
            return chosenNow;
        }
        if (!isConsole(pathOf(request))) {
            return fromCookie(request);
        }
        var session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof Locale locale) {
            return locale;
        }
        // the account's choice; else the one the person made before signing in (the sign-in page's), fixed for the
        // session so that a later choice on the public site leaves the console alone
        var remembered = currentAccount()
                .flatMap(views::preferredLocale)
                .flatMap(Language::byCode)
                .map(Language::locale)
                .orElse(fromCookie(request));
        if (session != null && signedIn()) {
            session.setAttribute(SESSION_KEY, remembered);
        }
        return remembered;
    }

    /** The page's path; for an error page, the path of the page that failed (it speaks that page's language). */
    private static String pathOf(HttpServletRequest request) {
        return request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed
                : request.getRequestURI();
    }

    /** Whether a path is the console's (its language follows the account) rather than the public site's. */
    static boolean isConsole(String path) {
        return path != null && (path.equals("/console") || path.startsWith("/console/"));
    }

    /**
     * A choice made on a console page: for this session and the account, not for the public site.
     *
     * @see #setPublicLocale the public site's choice
     */
    void setConsoleLocale(HttpServletRequest request, Locale locale) {
        var chosen = Language.of(locale).locale();
        request.setAttribute(REQUEST_KEY, chosen);
        request.getSession(true).setAttribute(SESSION_KEY, chosen);
        currentAccount().ifPresent(id -> accounts.setLocale(id, chosen.getLanguage()));
    }

    /** A choice made on a page: on a console page, {@link #setConsoleLocale}; elsewhere, {@link #setPublicLocale}. */
    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (isConsole(pathOf(request)) && signedIn()) {
            setConsoleLocale(request, locale);
        } else {
            setPublicLocale(request, response, locale);
        }
    }

    /** A choice made on a public page (or the sign-in page): in a cookie, the console's language unchanged. */
    void setPublicLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        var chosen = Language.of(locale).locale();
        var cookie = new Cookie(COOKIE, chosen.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.setAttribute(REQUEST_KEY, chosen);
    }

    /**
     * At sign-out (and after a password change, which signs out), the console's language becomes the public side's, so
     * that the sign-in page that follows, and the next sign-in, speak it: the session that kept it is about to end.
     */
    void keepAtSignOut(
            HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.core.Authentication auth) {
        var session = request.getSession(false);
        var spoken = session != null && session.getAttribute(SESSION_KEY) instanceof Locale locale
                ? Optional.of(locale)
                : AccountViews.passwordAccount(auth)
                        .flatMap(views::preferredLocale)
                        .flatMap(Language::byCode)
                        .map(Language::locale);
        spoken.ifPresent(locale -> setPublicLocale(request, response, locale));
    }

    private static Locale fromCookie(HttpServletRequest request) {
        return PageLanguage.chosen(request).orElse(DEFAULT);
    }

    /** Whether someone is signed in: only then is a choice made on a console page the console's. */
    static boolean signedIn() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null
                && auth.isAuthenticated()
                && !(auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken);
    }

    private static Optional<UUID> currentAccount() {
        return AccountViews.passwordAccount(SecurityContextHolder.getContext().getAuthentication());
    }
}
