package ca.gardien.console;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.AccountViews;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration implements WebMvcConfigurer {

    @Bean
    AccountLocaleResolver localeResolver(AccountViews views, AccountAdministration accounts) {
        return new AccountLocaleResolver(views, accounts);
    }

    /** Signing out keeps the console's language for the sign-in page that follows (SecurityConfiguration's logout). */
    @Bean
    org.springframework.security.web.authentication.logout.LogoutHandler keepLanguageAtSignOut(
            AccountLocaleResolver locales) {
        return locales::keepAtSignOut;
    }

    /**
     * {@code ?lang=en} or {@code ?lang=fr} on any page switches the language (links in notices rely on it): the
     * console's on a console page, the public site's elsewhere. The switch itself ({@code /locale}) decides by the page
     * it returns to.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor).excludePathPatterns("/locale");
        registry.addInterceptor(new PagePath());
    }
}
