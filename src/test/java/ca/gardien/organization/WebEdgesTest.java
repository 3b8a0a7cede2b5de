package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import ca.gardien.shared.WebEdge;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebEdgesTest {

    private final WebEdge pages = WebEdge.none()
            .withPublicPages("/a/**")
            .withCsrfExempt("/a/hooks/**")
            .withRole("PRIVACY_OFFICER", "/desk/admin/**")
            .withAnyAccount("/desk/password")
            .withSignedIn("/desk/**")
            .withLanding("/desk");
    private final WebEdge api = WebEdge.none()
            .withTokenApi("/b/**")
            .withControllerApi("/b/requests/**")
            .withPublicApiReads("/b/discovery");

    @Test
    void mergesTheEdgesEveryModuleContributesAfterTheSecurityConfigurationsOwn() {
        var edges = new WebEdges(List.of(pages, api));

        assertThat(edges.publicPages("/login")).containsExactly("/login", "/a/**");
        assertThat(edges.csrfExempt()).containsExactly("/a/hooks/**");
        assertThat(edges.roles()).containsOnlyKeys("PRIVACY_OFFICER");
        assertThat(edges.roles().get("PRIVACY_OFFICER")).containsExactly("/desk/admin/**");
        assertThat(edges.signedIn()).containsExactly("/desk/**");
        assertThat(edges.anyAccount()).containsExactly("/desk/password");
        assertThat(edges.api("/api/**")).containsExactly("/api/**", "/b/**");
        assertThat(edges.controllerApi()).containsExactly("/b/requests/**");
        assertThat(edges.publicApiReads()).containsExactly("/b/discovery");
        assertThat(edges.landing()).isEqualTo("/desk");
    }

    @Test
    void refusesToStartWithTwoPagesForSignInsToLandOnAndLandsOnTheHomePageWithoutOne() {
        assertThat(new WebEdges(List.of(api)).landing()).isEqualTo("/");
        assertThatIllegalStateException()
                .isThrownBy(() -> new WebEdges(List.of(pages, WebEdge.none().withLanding("/other"))).landing());
    }

    @Test
    void refusesAPathThatIsNotAPattern() {
        assertThatIllegalArgumentException().isThrownBy(() -> WebEdge.none().withPublicPages("consent/**"));
    }
}
