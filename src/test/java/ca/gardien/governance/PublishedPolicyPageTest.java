package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Organization;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The published governance policy as the officer read it (2026-12-06): its update day is the organization's, written
 * as letters write it; the public pages link it under a name of its own; it gives the person in charge's title in the
 * page's language; publishing a version asks first.
 */
class PublishedPolicyPageTest extends GovernanceTestSupport {

    @Autowired
    Organization organization;

    @Autowired
    ca.gardien.organization.OrganizationTime time;

    private String page(String path, String lang) throws Exception {
        var request = get(path);
        if (lang != null) {
            request = request.param("lang", lang);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theUpdateDayIsTheOrganizationsDayWrittenInWordsNotTheUtcDay() throws Exception {
        clock.setDay("2026-12-06");
        clock.advance(Duration.ofHours(-13)); // 2026-12-06 03:00 UTC: still 5 December in Toronto
        int n = publishNext();

        assertThat(page("/privacy/policy", "fr"))
                .contains("<time datetime=\"2026-12-05\">5 décembre 2026</time>")
                .contains("Version " + n + " publiée le 5 décembre 2026")
                .doesNotContain("2026-12-06");
        assertThat(page("/privacy/policy", "en"))
                .contains("<time datetime=\"2026-12-05\">December 5, 2026</time>")
                .doesNotContain("2026-12-06");
    }

    @Test
    void thePublicPagesLinkTheGovernancePolicyUnderANameOfItsOwn() throws Exception {
        profile("Alex Exemple");
        publishNext();
        for (var path : new String[] {"/", "/privacy", "/privacy/contact", "/privacy/policy"}) {
            assertThat(page(path, "fr"))
                    .as(path)
                    .contains("href=\"/privacy/policy\"")
                    .contains(">Politique de gouvernance des renseignements personnels</a>");
            assertThat(page(path, "en")).as(path).contains(">Personal information governance policy</a>");
        }
        assertThat(page("/privacy/policy", "fr"))
                .contains("aria-current=\"page\">Politique de gouvernance des renseignements personnels</a>");
    }

    /** Officer's walk: the opening section, headed by the policy's own name, gave the page its title twice. */
    @Test
    void thePolicysNameIsItsPagesTitleOnceNotAlsoItsFirstSectionsHeading() throws Exception {
        publishNext();
        for (var lang : new String[] {"fr", "en"}) {
            var html = page("/privacy/policy", lang);
            var title = html.substring(html.indexOf("<h1>") + 4, html.indexOf("</h1>"));
            assertThat(html).as(lang).doesNotContain("<h2>" + title + "</h2>").contains("<h2>");
            // the JSON the embedding script (and any other site) renders leaves that heading out in the same way
            var json = page("/privacy/policy.json", lang);
            String jsonTitle = JsonPath.read(json, "$.title");
            java.util.List<String> headings = JsonPath.read(json, "$.sections[*].heading");
            assertThat(headings).as(lang).doesNotContain(jsonTitle).contains((String) null);
            assertThat(headings.stream().filter(java.util.Objects::nonNull))
                    .as(lang)
                    .isNotEmpty();
            // the day as the page says it, in the organization's zone (officer's re-walk: the embed wrote the UTC day)
            String updatedAt = JsonPath.read(json, "$.updatedAt");
            assertThat((String) JsonPath.read(json, "$.updatedOn"))
                    .isEqualTo(time.day(java.time.Instant.parse(updatedAt)).toString());
            assertThat((String) JsonPath.read(json, "$.versions[0].publishedOn"))
                    .isNotBlank();
        }
        assertThat(page("/privacy/policy/embed.js", null))
                .as("the script shows the headings and days it is given, with no rule of its own")
                .doesNotContain("policy.title.trim()")
                .doesNotContain("substring(0, 10)");
    }

    @Test
    void thePolicyGivesThePersonInChargesTitleInThePagesLanguage() throws Exception {
        var before = organization.profile();
        try {
            var body = profileJson("Groupe Exemple inc.", "Alex Exemple", "rp@example.test", "Sam Exemple")
                    .replace(
                            "\"title\": \"Directrice des opérations\",",
                            "\"title\": \"Directrice des opérations\", \"titleEn\": \"Director of Operations\",");
            mvc.perform(put("/api/v1/organization")
                            .header(HttpHeaders.AUTHORIZATION, officerBearer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(body))
                    .andExpect(status().isOk());
            publishNext();

            assertThat(page("/privacy/policy", "fr"))
                    .contains("Directrice des opérations")
                    .doesNotContain("Director of Operations");
            assertThat(page("/privacy/policy", "en"))
                    .contains("Director of Operations")
                    .doesNotContain("Directrice des opérations");
        } finally {
            before.ifPresent(p -> organization.update(p, Actor.SYSTEM));
        }
    }

    @Test
    void publishingAVersionAsksForConfirmationFirst() throws Exception {
        var officer = officerBearer();
        int n = openDraft();
        for (var step : new String[] {"review", "approve"}) {
            send(officer, POLICIES + "/versions/" + n + "/" + step, null).andExpect(status().isOk());
        }
        var html = mvc.perform(get("/console/governance/policies/privacy-policy/versions/" + n)
                        .session(as(Role.PRIVACY_OFFICER)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(html)
                .contains("id=\"publish-form\"")
                .contains("data-confirm=\"Publier la version " + n + "\u202f? ")
                .contains("Une publication ne peut pas être annulée.");
    }
}
