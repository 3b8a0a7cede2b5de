package ca.gardien.console;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.AccountViews;
import ca.gardien.shared.Language;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * French by default (Charter of the French language); English on request. The choice is kept in the session and a
 * cookie, and remembered on the account so that it follows a person to any browser.
 */
class AccountLocaleResolver implements LocaleResolver {

    static final Locale DEFAULT = Language.FRENCH.locale();
    private static final String COOKIE = "gardien-lang";
    private static final String SESSION_KEY = AccountLocaleResolver.class.getName();
    private static final String REQUEST_KEY = SESSION_KEY + ".request";

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
        var session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_KEY) instanceof Locale locale) {
            return locale;
        }
        var account = currentAccount();
        if (account.isPresent() && session != null) {
            var remembered = views.preferredLocale(account.get())
                    .flatMap(Language::byCode)
                    .map(Language::locale)
                    .orElse(fromCookie(request));
            session.setAttribute(SESSION_KEY, remembered);
            return remembered;
        }
        return fromCookie(request);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        var chosen = Language.of(locale).locale();
        var cookie = new Cookie(COOKIE, chosen.getLanguage());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setMaxAge(60 * 60 * 24 * 365);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        request.setAttribute(REQUEST_KEY, chosen);
        var session = request.getSession(false);
        if (session != null) {
            session.setAttribute(SESSION_KEY, chosen);
        }
        currentAccount().ifPresent(id -> accounts.setLocale(id, chosen.getLanguage()));
    }

    private static Locale fromCookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (var c : request.getCookies()) {
                var chosen = COOKIE.equals(c.getName()) ? Language.byCode(c.getValue()) : Optional.<Language>empty();
                if (chosen.isPresent()) {
                    return chosen.get().locale();
                }
            }
        }
        return DEFAULT;
    }

    private static Optional<UUID> currentAccount() {
        return AccountViews.passwordAccount(SecurityContextHolder.getContext().getAuthentication());
    }
}
