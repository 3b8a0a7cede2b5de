package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

/** French by default; English on request, remembered on the account so that it follows its holder. */
class ConsoleLocaleTest extends WebTestSupport {

    @org.springframework.beans.factory.annotation.Autowired
    AccountLocaleResolver resolver;

    @Test
    void theConsoleIsInFrenchByDefault() throws Exception {
        var person = person(Role.STAFF);

        mvc.perform(get("/console").session(login(person.username(), person.password())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"fr\"")))
                .andExpect(content().string(containsString("Tableau de bord")))
                .andExpect(content().string(containsString("href=\"/locale?lang=en&amp;return=/console\"")));
    }

    @Test
    void theEnglishSwitchIsRememberedForTheNextSessionOfTheSameUser() throws Exception {
        var person = person(Role.STAFF);
        var first = login(person.username(), person.password());

        mvc.perform(get("/locale")
                        .param("lang", "en")
                        .param("return", "/console")
                        .session(first))
                .andExpect(redirectedUrl("/console"));
        mvc.perform(get("/console").session(first))
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("Dashboard")));
        assertThat(accounts.byId(person.id()).preferredLocale()).isEqualTo("en");

        // A new session (another browser: no cookie) of the same person.
        var second = login(person.username(), person.password());
        mvc.perform(get("/console").session(second))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("Dashboard")))
                .andExpect(content().string(containsString("Français")));
    }

    @Test
    void oneUsersChoiceDoesNotChangeAnothers() throws Exception {
        var english = person(Role.STAFF);
        var french = person(Role.STAFF);
        mvc.perform(get("/locale")
                        .param("lang", "en")
                        .param("return", "/console")
                        .session(login(english.username(), english.password())))
                .andExpect(redirectedUrl("/console"));

        mvc.perform(get("/console").session(login(french.username(), french.password())))
                .andExpect(content().string(containsString("Tableau de bord")));
        assertThat(accounts.byId(french.id()).preferredLocale()).isNull();
    }

    @Test
    void switchingBackToFrenchIsRememberedToo() throws Exception {
        var person = person(Role.STAFF);
        var session = login(person.username(), person.password());
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(session));

        mvc.perform(get("/locale")
                        .param("lang", "fr")
                        .param("return", "/console")
                        .session(session))
                .andExpect(redirectedUrl("/console"));

        assertThat(accounts.byId(person.id()).preferredLocale()).isEqualTo("fr");
        mvc.perform(get("/console").session(login(person.username(), person.password())))
                .andExpect(content().string(containsString("Tableau de bord")));
    }

    @Test
    void anonymousVisitorsKeepTheirChoiceInACookie() throws Exception {
        mvc.perform(get("/locale").param("lang", "en").param("return", "/login"))
                .andExpect(redirectedUrl("/login"))
                .andExpect(cookie().value("gardien-lang", "en"))
                .andExpect(cookie().httpOnly("gardien-lang", true));

        mvc.perform(get("/login").cookie(new Cookie("gardien-lang", "en")))
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("Sign in")));
    }

    @Test
    void thePublicSitesLanguageAndTheConsolesAreChosenApart() throws Exception {
        var person = person(Role.PRIVACY_OFFICER);
        var session = login(person.username(), person.password());
        mvc.perform(get("/console").session(session)).andExpect(content().string(containsString("Tableau de bord")));

        // the officer reads the public site in English: a cookie for the public site, nothing else
        mvc.perform(get("/locale").param("lang", "en").param("return", "/").session(session))
                .andExpect(redirectedUrl("/"))
                .andExpect(cookie().value("gardien-lang", "en"));
        var english = new Cookie("gardien-lang", "en");
        mvc.perform(get("/").session(session).cookie(english))
                .andExpect(content().string(containsString("<html lang=\"en\"")));
        mvc.perform(get("/console").session(session).cookie(english))
                .andExpect(content().string(containsString("<html lang=\"fr\"")))
                .andExpect(content().string(containsString("Tableau de bord")));
        assertThat(accounts.byId(person.id()).preferredLocale()).isNull();

        // and the console in English leaves the public site in the language it was
        mvc.perform(get("/locale")
                        .param("lang", "en")
                        .param("return", "/console/requests")
                        .session(session))
                .andExpect(redirectedUrl("/console/requests"))
                .andExpect(cookie().doesNotExist("gardien-lang"));
        mvc.perform(get("/locale").param("lang", "fr").param("return", "/").session(session));
        var french = new Cookie("gardien-lang", "fr");
        mvc.perform(get("/console").session(session).cookie(french))
                .andExpect(content().string(containsString("Dashboard")));
        mvc.perform(get("/").session(session).cookie(french))
                .andExpect(content().string(containsString("<html lang=\"fr\"")));
        assertThat(accounts.byId(person.id()).preferredLocale()).isEqualTo("en");

        // ?lang= on a page switches the language of that page's side too
        mvc.perform(get("/console/requests")
                        .param("lang", "fr")
                        .session(session)
                        .cookie(french))
                .andExpect(content().string(containsString("<html lang=\"fr\"")))
                .andExpect(cookie().doesNotExist("gardien-lang"));
        assertThat(accounts.byId(person.id()).preferredLocale()).isEqualTo("fr");
        mvc.perform(get("/").param("lang", "en").session(session).cookie(french))
                .andExpect(cookie().value("gardien-lang", "en"));
        mvc.perform(get("/console").session(session).cookie(english))
                .andExpect(content().string(containsString("Tableau de bord")));
    }

    /**
     * Officer's walk: the console turned to English, "Sign out" brought back the sign-in page in French (the console's
     * language lived in the session that ended). The sign-in page after sign-out, and after a password change, now
     * speaks the console's language.
     */
    @Test
    void theSignInPageAfterSignOutSpeaksTheLanguageTheConsoleSpoke() throws Exception {
        var person = person(Role.STAFF);
        var session = login(person.username(), person.password());
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(session));
        var out = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/logout")
                                .session(session)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(redirectedUrl("/login?logout"))
                .andExpect(cookie().value("gardien-lang", "en"))
                .andReturn()
                .getResponse()
                .getCookie("gardien-lang");
        mvc.perform(get("/login").param("logout", "").cookie(out))
                .andExpect(content().string(containsString("<html lang=\"en\"")))
                .andExpect(content().string(containsString("Sign in")));

        // a French console over an English public side: French after sign-out, the console's choice being the last
        var french = login(person.username(), person.password());
        mvc.perform(
                get("/locale").param("lang", "fr").param("return", "/console").session(french));
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/logout")
                                .session(french)
                                .cookie(new Cookie("gardien-lang", "en"))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(cookie().value("gardien-lang", "fr"));
    }

    @Test
    void aSwitchOnAFailedConsolePageOrBeforeSignInLeavesTheOtherSideAlone() throws Exception {
        var person = person(Role.STAFF);
        var session = login(person.username(), person.password());
        // an error page of the console (the container forwards to /error) is the console's side
        var failed = new org.springframework.mock.web.MockHttpServletRequest("GET", "/error");
        failed.setAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/console/nope");
        failed.setSession(new org.springframework.mock.web.MockHttpSession());
        var response = new org.springframework.mock.web.MockHttpServletResponse();
        org.springframework.security.core.context.SecurityContextHolder.getContext()
                .setAuthentication(
                        org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated(
                                "someone", null, java.util.List.of()));
        try {
            resolver.setLocale(failed, response, java.util.Locale.ENGLISH);
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        assertThat(response.getCookie("gardien-lang")).isNull();
        assertThat(resolver.resolveLocale(failed).getLanguage()).isEqualTo("en");
        // a console switch by someone not signed in is the public site's: it does not beat the account's choice
        var anonymous = new org.springframework.mock.web.MockHttpSession();
        mvc.perform(get("/locale")
                        .param("lang", "en")
                        .param("return", "/console/requests")
                        .session(anonymous))
                .andExpect(cookie().value("gardien-lang", "en"));
        assertThat(accounts.byId(person.id()).preferredLocale()).isNull();
        // dot segments are not a page of either side
        mvc.perform(get("/locale")
                        .param("lang", "en")
                        .param("return", "/console/../x")
                        .session(session))
                .andExpect(redirectedUrl("/"));
        mvc.perform(get("/locale").param("lang", "en").param("return", "/../x")).andExpect(redirectedUrl("/"));
        assertThat(accounts.byId(person.id()).preferredLocale()).isNull();
    }

    @Test
    void neverRedirectsOutsideGardien() throws Exception {
        for (var target :
                new String[] {"//evil.example/console", "https://evil.example", "/\\evil.example", "javascript:alert(1)"
                }) {
            mvc.perform(get("/locale").param("lang", "en").param("return", target))
                    .andExpect(redirectedUrl("/"));
        }
    }

    @Test
    void treatsAnUnsupportedLanguageAsFrench() throws Exception {
        mvc.perform(get("/locale").param("lang", "de").param("return", "/login"))
                .andExpect(redirectedUrl("/login"))
                .andExpect(cookie().value("gardien-lang", "fr"));
        mvc.perform(get("/login").cookie(new Cookie("gardien-lang", "de")))
                .andExpect(content().string(containsString("<html lang=\"fr\"")));
    }
}
