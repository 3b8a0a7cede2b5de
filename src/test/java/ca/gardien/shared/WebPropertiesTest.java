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
