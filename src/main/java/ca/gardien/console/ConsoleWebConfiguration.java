package ca.gardien.console;

import ca.gardien.organization.AccountAdministration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class ConsoleWebConfiguration {

    @Bean
    LocaleResolver localeResolver(AccountAdministration accounts) {
        return new AccountLocaleResolver(accounts);
    }
}
