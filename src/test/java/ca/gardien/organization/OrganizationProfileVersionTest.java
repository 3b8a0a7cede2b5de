package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
                .contains("value=\"Laval\"")
                // no field is at fault (officer's walk: it was titled "Corrigez les champs signalés.")
                .contains("Le formulaire n’a pas été enregistré.")
                .doesNotContain("Corrigez les champs signalés.");
        assertThat(organization.profile()).contains(changed);
    }

    /** The console's profile form posted with {@code basis} (left out when null), the fields filled. */
    private String postForm(String basis, String legalName) throws Exception {
        var request = post("/console/organization")
                .session(login(OFFICER, OFFICER_PASSWORD))
                .with(csrf())
                .param("lang", "fr")
                .param("legalName", legalName)
                .param("street", "1 Synthetic Street")
                .param("city", "Laval")
                .param("province", "QC")
                .param("postalCode", "H0H 0H0")
                .param("country", "Canada")
                .param("officerName", "Officer Synthetic")
                .param("officerTitle", "Privacy officer")
                .param("officerEmail", "privacy@example.test");
        return mvc.perform(basis == null ? request : request.param("basis", basis))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * Attacker's probe: the console's form without its basis, or with a blank one, saved over whatever profile there
     * was, unchecked. The console requires it: without it the form is refused keeping what was typed; blank, it is a
     * form opened when there was no profile, a conflict once there is one. (The API's If-Match stays optional.)
     */
    @Test
    void aConsoleFormWithoutItsBasisOrWithABlankOneIsRefusedKeepingWhatWasTyped() throws Exception {
        organization.update(SyntheticLetterhead.PROFILE, Actor.SYSTEM);

        assertThat(postForm(null, "Sans version Inc."))
                .contains("Ce formulaire ne dit pas quelle version du profil il remplace")
                .contains("value=\"Sans version Inc.\"", "value=\"Laval\"");
        for (var basis : List.of("", "  ", "not-a-version")) {
            assertThat(postForm(basis, "Version vide Inc."))
                    .contains("Le profil a été modifié par quelqu’un d’autre depuis que vous avez ouvert cette page")
                    .contains("value=\"Version vide Inc.\"");
        }
        assertThat(organization.profile()).contains(SyntheticLetterhead.PROFILE);

        var delegate = person(Role.DELEGATE);
        mvc.perform(post("/console/organization")
                        .session(login(delegate.username(), delegate.password()))
                        .with(csrf())
                        .param("basis", Organization.version(SyntheticLetterhead.PROFILE))
                        .param("legalName", "Déléguée Inc."))
                .andExpect(status().isForbidden());
        assertThat(organization.profile()).contains(SyntheticLetterhead.PROFILE);
    }

    /** The ETag GET gives now. */
    private String currentEtag() throws Exception {
        return mvc.perform(get("/api/v1/organization").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.ETAG);
    }

    /**
     * Attacker's probe: an If-Match that is no entity tag (garbage, empty, the hash without its quotes, an unclosed
     * quote, {@code *} in a list) was taken as a version and answered "someone else changed the profile" (or, without
     * quotes, as the version itself); it is a 400 naming the header, and changes nothing.
     */
    @Test
    void anIfMatchThatIsNoEntityTagIsA400NamingTheHeaderAndChangesNothing() throws Exception {
        organization.update(SyntheticLetterhead.PROFILE, Actor.SYSTEM);
        var etag = currentEtag();
        var unquoted = etag.replace("\"", "");
        for (var value : List.of("garbage<>", "", " ", unquoted, "\"" + unquoted, "*, " + etag, etag + " " + etag)) {
            replace(profileJson(unique("Malformé"), "Autre Personne", "autre@example.test", null), value)
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("If-Match"))
                    .andExpect(jsonPath("$.errors[0].message")
                            .value("doit être l’ETag que donne GET, entre guillemets, ou *"));
            assertThat(organization.profile()).contains(SyntheticLetterhead.PROFILE);
        }
        replace(profileJson(unique("Malformed"), "Other Person", "other@example.test", null), "garbage", "en")
                .andExpect(jsonPath("$.errors[0].message").value("must be the ETag GET gives, in quotes, or *"));
        var delegate = bearer(Role.DELEGATE);
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, delegate)
                        .header(HttpHeaders.IF_MATCH, etag)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(profileJson(unique("Déléguée"), "Autre Personne", "autre@example.test", null)))
                .andExpect(problem(403, "forbidden"));
        assertThat(organization.profile()).contains(SyntheticLetterhead.PROFILE);
    }

    /**
     * An If-Match is a list of entity tags or {@code *} (RFC 9110): {@code *} replaces whatever profile there is (it was
     * a conflict), a list names the current version if any of its tags does, a tag of 10,000 characters is no version
     * of the profile (409). A weak tag of the current version is accepted: a proxy that compresses the GET weakens its
     * ETag.
     */
    @Test
    void anIfMatchIsAListOfEntityTagsOrAStar() throws Exception {
        organization.update(SyntheticLetterhead.PROFILE, Actor.SYSTEM);
        replace(
                        profileJson(unique("Énorme"), "Autre Personne", "autre@example.test", null),
                        "\"" + "a".repeat(10_000) + "\"")
                .andExpect(problem(409, "conflict"));
        assertThat(organization.profile()).contains(SyntheticLetterhead.PROFILE);

        replace(profileJson(unique("Étoile"), "Autre Personne", "autre@example.test", null), "*")
                .andExpect(status().isOk());
        replace(
                        profileJson(unique("Liste"), "Autre Personne", "autre@example.test", null),
                        "\"stale\", " + currentEtag())
                .andExpect(status().isOk());
        replace(profileJson(unique("Faible"), "Autre Personne", "autre@example.test", null), "W/" + currentEtag())
                .andExpect(status().isOk());
        replace(profileJson(unique("Périmée"), "Autre Personne", "autre@example.test", null), "\"stale\", W/\"old\"")
                .andExpect(problem(409, "conflict"));
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /**
     * Attacker's review: a replacement did not give the new version's tag (a second one needed a GET first), the same
     * profile sent again was recorded in the ledger as a change, and an If-Match ending with a comma (a list's empty
     * element, RFC 9110 section 5.6.1) was refused.
     */
    @Test
    void aReplacementGivesTheNewVersionsTagAndTheSameProfileAgainRecordsNothing() throws Exception {
        var start = organization.update(
                new OrganizationProfile(
                        unique("Départ"),
                        null,
                        SyntheticLetterhead.PROFILE.address(),
                        SyntheticLetterhead.PROFILE.personInCharge(),
                        null),
                Actor.SYSTEM);
        var unchanged = currentEtag();
        long after = org.awaitility.Awaitility.await() // once the start's own fact is written
                .atMost(java.time.Duration.ofSeconds(20))
                .until(
                        () -> jdbc.sql("SELECT MAX(sequence) FROM ledger_entry WHERE payload LIKE ?")
                                .param("%" + Organization.version(start) + "%")
                                .query(Long.class)
                                .optional()
                                .orElse(null),
                        java.util.Objects::nonNull);
        var json = mvc.perform(get("/api/v1/organization").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        var same =
                replace(json, unchanged).andExpect(status().isOk()).andReturn().getResponse();
        var changed = replace(
                        profileJson(unique("Nouvelle"), "Autre Personne", "autre@example.test", null),
                        ", " + currentEtag() + ",")
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();

        assertThat(same.getHeader(HttpHeaders.ETAG)).isEqualTo(unchanged);
        assertThat(changed.getHeader(HttpHeaders.ETAG)).isEqualTo(currentEtag()).isNotEqualTo(unchanged);
        var recorded = new java.util.ArrayList<String>();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .untilAsserted(() -> {
                    recorded.clear();
                    recorded.addAll(jdbc.sql(
                                    "SELECT payload FROM ledger_entry WHERE sequence > ? AND action = ? ORDER BY sequence")
                            .param(after)
                            .param("organization.profile-updated")
                            .query(String.class)
                            .list());
                    assertThat(recorded).isNotEmpty();
                });
        assertThat(recorded)
                .as("one fact, the change's")
                .singleElement()
                .asString()
                .contains(changed.getHeader(HttpHeaders.ETAG).replace("\"", ""));
    }

    /** Replacements naming the same version at the same moment: exactly one is saved, the others are conflicts. */
    @Test
    void replacementsOfOneVersionAtOnceSaveOneAndRefuseTheOthers() throws Exception {
        organization.update(SyntheticLetterhead.PROFILE, Actor.SYSTEM);
        var etag = currentEtag();
        var officer = officerBearer();
        int callers = 4;
        var names = new java.util.ArrayList<String>();
        for (int i = 0; i < callers; i++) {
            names.add(unique("Parallèle"));
        }
        var statuses = ca.gardien.support.AtOnce.results(
                callers,
                i -> mvc.perform(put("/api/v1/organization")
                                .header(HttpHeaders.AUTHORIZATION, officer)
                                .header(HttpHeaders.IF_MATCH, etag)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(profileJson(names.get(i), "Personne " + names.get(i), "p@example.test", null)))
                        .andReturn()
                        .getResponse()
                        .getStatus());
        assertThat(statuses).as("one saved, the others refused").containsOnly(200, 409);
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        var winner = names.get(statuses.indexOf(200));
        assertThat(organization.profile().orElseThrow().legalName()).isEqualTo(winner);
    }

    private org.springframework.test.web.servlet.ResultActions replace(String json, String ifMatch, String language)
            throws Exception {
        return mvc.perform(put("/api/v1/organization")
                .header(HttpHeaders.AUTHORIZATION, officerBearer())
                .header(HttpHeaders.ACCEPT_LANGUAGE, language)
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private org.springframework.test.web.servlet.ResultActions replace(String json, String ifMatch) throws Exception {
        var request = put("/api/v1/organization")
                .header(HttpHeaders.AUTHORIZATION, officerBearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
        return mvc.perform(ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch));
    }
}
