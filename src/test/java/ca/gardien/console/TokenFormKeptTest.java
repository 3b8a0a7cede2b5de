package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A refused token comes back with its name and roles as typed (officer's review: the name came back empty). */
class TokenFormKeptTest extends WebTestSupport {

    @Test
    void aTokenRefusedForItsRolesKeepsItsName() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        var html = mvc.perform(post("/console/tokens?lang=fr")
                        .session(session)
                        .with(csrf())
                        .param("name", "Intégration GRC"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"name\" name=\"name\" required maxlength=\"100\" value=\"Intégration GRC\"");

        var refusedAgain = mvc.perform(post("/console/tokens")
                        .session(session)
                        .with(csrf())
                        .param("name", "")
                        .param("roles", "PRIVACY_OFFICER"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refusedAgain).containsPattern("value=\"PRIVACY_OFFICER\" checked");
    }
}
