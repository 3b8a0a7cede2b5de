package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Attacker's review of 2026-12-06: a console form opened before an API change, then sent, put the old person in charge
 * back without anyone knowing. The profile carries a version (the SHA-256 of what was read): the API's ETag and
 * If-Match, the console form's basis; a save on a stale version is refused and changes nothing.
 */
class OrganizationProfileVersionTest extends WebTestSupport {

    private static final Pattern BASIS = Pattern.compile("name=\"basis\" value=\"([0-9a-f]{64})\"");

    @Autowired
    Organization organization;

    @Test
    void aReplacementNamingAVersionThatIsNoLongerCurrentIsAConflictAndChangesNothing() throws Exception {
        organization.update(SyntheticLetterhead.PROFILE, Actor.SYSTEM);
        var etag = mvc.perform(get("/api/v1/organization").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.ETAG);
        assertThat(etag).isEqualTo("\"" + Organization.version(SyntheticLetterhead.PROFILE) + "\"");

        var first = profileJson(unique("Première"), "Nouvelle Personne", "nouvelle@example.test", "Acting Test");
        replace(first, etag).andExpect(status().isOk());
        var after = organization.profile().orElseThrow();

        replace(profileJson(unique("Périmée"), "Ancienne Personne", "ancienne@example.test", "Acting Test"), etag)
                .andExpect(problem(409, "conflict"));
        assertThat(organization.profile()).contains(after);
        replace(profileJson(unique("Sans version"), "Autre Personne", "autre@example.test", "Acting Test"), null)
                .andExpect(status().isOk()); // without If-Match, as before: the caller takes the risk
    }

    @Test
    void aConsoleFormOpenedBeforeAnotherSaveIsRefusedKeepingWhatWasTyped() throws Exception {
        organization.update(SyntheticLetterhead.PROFILE, Actor.SYSTEM);
        var session = login(OFFICER, OFFICER_PASSWORD);
        var page = mvc.perform(get("/console/organization").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var basis = BASIS.matcher(page);
        assertThat(basis.find()).as("the form carries the version it shows").isTrue();

        // meanwhile, through the API, a new person in charge
        replace(profileJson("Synthetic Organization Inc.", "Nouvelle Personne", "nouvelle@example.test", null), null)
                .andExpect(status().isOk());
        var changed = organization.profile().orElseThrow();

        var refused = mvc.perform(post("/console/organization")
                        .session(session)
                        .with(csrf())
                        .param("basis", basis.group(1))
                        .param("legalName", "Synthetic Organization Inc.")
                        .param("street", "1 Synthetic Street")
                        .param("city", "Laval")
                        .param("province", "QC")
                        .param("postalCode", "H0H 0H0")
                        .param("country", "Canada")
                        .param("officerName", "Officer Synthetic")
                        .param("officerTitle", "Privacy officer")
                        .param("officerEmail", "privacy@example.test"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused)
                .contains("Le profil a été modifié par quelqu’un d’autre depuis que vous avez ouvert cette page")
                .contains("value=\"Laval\"");
        assertThat(organization.profile()).contains(changed);
    }

    private org.springframework.test.web.servlet.ResultActions replace(String json, String ifMatch) throws Exception {
        var request = put("/api/v1/organization")
                .header(HttpHeaders.AUTHORIZATION, officerBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
        return mvc.perform(ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch));
    }
}
