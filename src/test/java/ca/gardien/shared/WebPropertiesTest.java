package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** The one public address every absolute link starts with ({@code gardien.web.base-url}). */
class WebPropertiesTest {

    @Test
    void buildsLinksOnTheConfiguredAddressWithItsPathAndWithoutADoubleSlash() {
        var web = new WebProperties(null, " https://privacy.example.test/gardien/ ");
        assertThat(web.link("/consent/unsubscribe/abc"))
                .isEqualTo("https://privacy.example.test/gardien/consent/unsubscribe/abc");
        assertThat(new WebProperties(null, "http://localhost:8080").link("/download/x"))
                .isEqualTo("http://localhost:8080/download/x");
    }

    /** The officer's review of 2026-12-05: on port 18201 the answer's link still said localhost:8080. */
    @Test
    void withoutAConfiguredAddressLinksUseThePortGardienListensOn() throws Exception {
        var environment = new org.springframework.core.env.StandardEnvironment();
        var sources = environment.getPropertySources();
        new org.springframework.boot.env.YamlPropertySourceLoader()
                .load("application", new org.springframework.core.io.ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        assertThat(environment.getProperty("gardien.web.base-url")).isEqualTo("http://localhost:8080");

        sources.addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource(
                "env", java.util.Map.of("SERVER_PORT", "18201")));
        assertThat(environment.getProperty("gardien.web.base-url")).isEqualTo("http://localhost:18201");

        sources.addFirst(new org.springframework.core.env.SystemEnvironmentPropertySource(
                "set", java.util.Map.of("GARDIEN_BASE_URL", "https://privacy.example.test")));
        assertThat(environment.getProperty("gardien.web.base-url")).isEqualTo("https://privacy.example.test");
    }

    @Test
    void refusesToStartWithAnAddressThatIsNotAPlainHttpOrHttpsOne() {
        for (var bad : new String[] {
            "",
            "localhost:8080",
            "javascript:alert(1)",
            "ftp://example.test",
            "https://example.test/?a=b",
            "https://user@example.test",
            "https://example.test/#x",
            "https:///nohost"
        }) {
            assertThatIllegalArgumentException()
                    .as(bad)
                    .isThrownBy(() -> new WebProperties(null, bad))
                    .withMessageContaining("GARDIEN_BASE_URL");
        }
    }
}
