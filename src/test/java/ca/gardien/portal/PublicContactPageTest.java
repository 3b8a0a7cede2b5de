package ca.gardien.portal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Organization;
import ca.gardien.organization.OrganizationProfile;
import ca.gardien.organization.OrganizationProfile.Address;
import ca.gardien.organization.OrganizationProfile.PersonInCharge;
import ca.gardien.shared.Actor;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Section 3.1: the person in charge's title and contact information are published, in French and in English. */
@SpringBootTest
@AutoConfigureMockMvc
class PublicContactPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Organization organization;

    @BeforeEach
    void profile() {
        organization.update(
                new OrganizationProfile(
                        "Exemple Conseil inc.",
                        "1234567890",
                        new Address("100, rue Principale", "Québec", "Québec", "G1A 0A1", "Canada"),
                        new PersonInCharge(
                                "Dominique Test",
                                "Directrice des opérations",
                                "Director of Operations",
                                "rprp@exemple.test",
                                null),
                        new PersonInCharge("Claude Test", "Président", null, "pdg@exemple.test", null)),
                Actor.SYSTEM);
    }

    @Test
    void publishesThePersonInChargeAndTheActingPersonInFrenchByDefault() throws Exception {
        mvc.perform(get("/privacy/contact"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("lang=\"fr\"")))
                .andExpect(content().string(Matchers.containsString("Personne responsable de la protection")))
                .andExpect(content().string(Matchers.containsString("Dominique Test")))
                .andExpect(content().string(Matchers.containsString("rprp@exemple.test")))
                .andExpect(content().string(Matchers.containsString("En cas d’absence")))
                .andExpect(content().string(Matchers.containsString("Claude Test")));
    }

    @Test
    void printsEachTitleInThePagesLanguageTheFrenchOneStandingInForAMissingEnglishOne() throws Exception {
        mvc.perform(get("/privacy/contact"))
                .andExpect(content().string(Matchers.containsString("Directrice des opérations")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Director of Operations"))))
                .andExpect(content().string(Matchers.containsString("Président")));
        mvc.perform(get("/privacy/contact").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("Director of Operations")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Directrice des opérations"))))
                .andExpect(content().string(Matchers.containsString("Claude Test</span>, <span>Président")));
    }

    @Test
    void publishesTheSameContactInEnglishOnRequest() throws Exception {
        mvc.perform(get("/privacy/contact").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("lang=\"en\"")))
                .andExpect(content().string(Matchers.containsString("Person in charge of the protection")))
                .andExpect(content().string(Matchers.containsString("absent or unable to act")))
                .andExpect(content().string(Matchers.containsString("Dominique Test")));
    }

    @Test
    void showsThePrivacyContactOnThePublicHomePage() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Exemple Conseil inc.")))
                // a name ending with a period ends the sentence with it, not with a second one (officer's review)
                .andExpect(content()
                        .string(Matchers.containsString("renseignements personnels de Exemple Conseil inc.</p>")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("inc.."))))
                .andExpect(content().string(Matchers.containsString("rprp@exemple.test")));
    }
}
