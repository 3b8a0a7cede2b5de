package ca.gardien.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The public pages publish the person in charge's title and contact information, in French and in English. */
class PrivacyContactPageTest extends WebTestSupport {

    private String legalName;

    @BeforeEach
    void publishProfile() throws Exception {
        legalName = unique("Entreprise Publique");
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(profileJson(legalName, "Gaëlle Publique", "vie-privee@example.test", "Hugo Intérim")))
                .andExpect(status().isOk());
    }

    private String page(String path, String language) throws Exception {
        var request = get(path);
        if (language != null) {
            request.cookie(new Cookie("gardien-lang", language));
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void publishesThePersonInChargeInFrenchWithoutSigningIn() throws Exception {
        var html = page("/privacy/contact", null);

        assertThat(html)
                .contains("<html lang=\"fr\"")
                .contains("Personne responsable de la protection des renseignements personnels")
                .contains(legalName)
                .contains("Gaëlle Publique")
                .contains("Directrice des opérations")
                .contains("mailto:vie-privee@example.test")
                .contains("tel:+15550100000")
                .contains("1, rue Exemple")
                .contains("G1K 1A1")
                .contains("Numéro d’entreprise du Québec")
                .contains("1234567890")
                .contains("En cas d’absence ou d’empêchement")
                .contains("Hugo Intérim");
    }

    @Test
    void publishesTheSameInformationInEnglish() throws Exception {
        var html = page("/privacy/contact", "en");

        assertThat(html)
                .contains("<html lang=\"en\"")
                .contains("Person in charge of the protection of personal information")
                .contains(legalName)
                .contains("Gaëlle Publique")
                .contains("mailto:vie-privee@example.test")
                .contains("Québec enterprise number")
                .contains("When the person in charge is absent or unable to act")
                .contains("Hugo Intérim");
    }

    @Test
    void theHomePageNamesTheOrganizationAndLinksToTheContact() throws Exception {
        assertThat(page("/", null)).contains(legalName).contains("href=\"/privacy/contact\"");
        assertThat(page("/", "en")).contains(legalName).contains("Reach the person in charge");
    }

    @Test
    void showsTheLatestProfileAfterAChange() throws Exception {
        var renamed = unique("Nouveau Nom");
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(profileJson(renamed, "Ines Nouvelle", "nouvelle@example.test", null)))
                .andExpect(status().isOk());

        var html = page("/privacy/contact", null);

        assertThat(html).contains(renamed).contains("Ines Nouvelle").doesNotContain(legalName);
        assertThat(html).doesNotContain("Hugo Intérim").doesNotContain("En cas d’absence");
    }

    @Test
    void escapesTheProfileOnThePage() throws Exception {
        mvc.perform(put("/api/v1/organization")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(profileJson("<script>alert(1)</script>", "<b>Name</b>", "x@example.test", null)))
                .andExpect(status().isOk());

        var html = page("/privacy/contact", null);

        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
        assertThat(html).doesNotContain("<b>Name</b>");
    }
}
