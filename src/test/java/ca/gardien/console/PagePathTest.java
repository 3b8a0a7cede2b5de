package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import java.util.Arrays;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.ControllerAdviceBean;

/** The current path reaches every page's model, and nothing is added to the model of an API call. */
class PagePathTest extends WebTestSupport {

    @Autowired
    ApplicationContext context;

    @Test
    @WithMockUser(roles = "PRIVACY_OFFICER")
    void aConsolePageLinksTheLanguageSwitchBackToItsOwnPath() throws Exception {
        mvc.perform(get("/console/ledger"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("return=/console/ledger")));
    }

    /** Officer's walk: the switch dropped a list's filters (and a notice's language) on its way back. */
    @Test
    @WithMockUser(roles = "PRIVACY_OFFICER")
    void theLanguageSwitchReturnsToThePageWithItsQueryButNotItsLanguage() throws Exception {
        mvc.perform(get("/console/ledger")
                        .param("q", "réponse")
                        .param("lang", "fr")
                        .with(request -> {
                            request.setQueryString("q=r%C3%A9ponse&lang=fr"); // as the browser sent it
                            return request;
                        }))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("return=/console/ledger?q%3Dr%25C3%25A9ponse\"")));
    }

    /** Attacker's review: {@code %6Cang=fr} is read as {@code lang} and switched the language back. */
    @Test
    void theLanguageSwitchDropsTheLanguageWhateverItsSpelling() {
        assertThat(PagePath.withQuery("/console/ledger", "%6Cang=fr&q=x&LANG=en&l%61ng&language=x"))
                .isEqualTo("/console/ledger?q=x&language=x");
        assertThat(PagePath.withQuery("/console/ledger", "%zz=1&q=x")).isEqualTo("/console/ledger?q=x");
    }

    /** Review: the page wrote back a query the switch then refused (a {@code :} a link left unencoded). */
    @Test
    void everyQueryAPageWritesBackIsOneTheSwitchTakesBack() {
        var written =
                PagePath.withQuery("/console/ledger", "from=2026-12-01T10:00&q=R-2026-00042&actor=a/b*c~&x=%C3%A9");
        assertThat(written)
                .isEqualTo("/console/ledger?from=2026-12-01T10%3A00&q=R-2026-00042&actor=a%2Fb*c%7E&x=%C3%A9");
        assertThat(LocaleController.QUERY
                        .matcher(written.substring(written.indexOf('?') + 1))
                        .matches())
                .isTrue();
    }

    /** Review: a page whose address holds an encoded character (a connector's name) switched back to the home page. */
    @Test
    void theLanguageSwitchReturnsToAPathWithEncodedCharactersButNotToAnEncodedDotOrSlash() throws Exception {
        mvc.perform(get("/locale").param("lang", "en").param("return", "/privacy/crm%20prod%C3%A9?q=1"))
                .andExpect(result ->
                        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/privacy/crm%20prod%C3%A9?q=1"));
        for (var hostile :
                new String[] {"/privacy/%2e%2e/x", "/%2F%2Fevil.test", "/%5C%5Cevil.test", "/a%2", "/a%zz"}) {
            mvc.perform(get("/locale").param("lang", "en").param("return", hostile))
                    .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                            .as(hostile)
                            .isEqualTo("/"));
        }
    }

    @Test
    void theLanguageSwitchGoesBackWithAPlainQueryAndDropsAnyOther() throws Exception {
        mvc.perform(get("/locale").param("lang", "en").param("return", "/privacy?q=r%C3%A9ponse&in=en"))
                .andExpect(result ->
                        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/privacy?q=r%C3%A9ponse&in=en"));
        for (var hostile : new String[] {"/privacy?x=1\r\nSet-Cookie:a=b", "/privacy?x=<b>", "//evil.test/?a=b"}) {
            mvc.perform(get("/locale").param("lang", "en").param("return", hostile))
                    .andExpect(result ->
                            assertThat(result.getResponse().getRedirectedUrl()).isIn("/privacy", "/"));
        }
    }

    @Test
    void aRedirectCarriesNoCurrentPathParameter() throws Exception {
        mvc.perform(get("/privacy/complaints"))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl())
                        .isEqualTo("/privacy/complaints/new?lang=fr"));
    }

    /** A model-attribute advice runs before every call it applies to, API calls included (about a tenth of one). */
    @Test
    void noModelAttributeAdviceAppliesToARestController() {
        var restControllers = Arrays.stream(context.getBeanNamesForAnnotation(RestController.class))
                .map(context::getType)
                .toList();
        assertThat(restControllers).isNotEmpty();
        for (var advice : ControllerAdviceBean.findAnnotatedBeans(context)) {
            boolean modelAttributes = Arrays.stream(advice.getBeanType().getDeclaredMethods())
                    .anyMatch(m -> AnnotatedElementUtils.hasAnnotation(m, ModelAttribute.class));
            if (modelAttributes) {
                assertThat(restControllers)
                        .as("REST controllers reached by %s", advice.getBeanType())
                        .noneMatch(advice::isApplicableToBeanType);
            }
        }
    }
}
