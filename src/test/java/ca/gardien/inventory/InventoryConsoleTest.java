package ca.gardien.inventory;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.shared.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The data map in the console: everyone signed in reads it; only the officer and delegates edit it. */
@SpringBootTest
@AutoConfigureMockMvc
class InventoryConsoleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Inventory inventory;

    @Autowired
    NoticeVersions notices;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeEach
    void demoMap() {
        inventory.apply(DemoDataMap.document(), Actor.SYSTEM);
        jdbc.update("DELETE FROM inventory_notice_version"); // only a changed notice is approved again
    }

    @Test
    void showsGapsPictureAndDownloadsToAnAuditor() throws Exception {
        mvc.perform(get("/console/inventory").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("transfer-without-approved-pia")))
                .andExpect(content().string(containsString("/console/inventory/map.svg")))
                .andExpect(content().string(containsString("/console/inventory/record-of-processing.csv")))
                .andExpect(content().string(containsString("Communications hors Québec (4)")));
        mvc.perform(get("/console/inventory/map.svg").with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("image/svg+xml"));
    }

    @Test
    void plansAnEditForADelegateAndShowsMistakesWithTheirPaths() throws Exception {
        mvc.perform(post("/console/inventory")
                        .with(user("delegate").roles("DELEGATE"))
                        .with(csrf())
                        .param("action", "plan")
                        .param("yaml", inventory.export().replace("duration: P2Y", "duration: P3Y")))
                .andExpect(status().isOk())
                // the planned change in words: what changes, in which list, which object
                .andExpect(content()
                        .string(containsString(
                                "Modification — Règles de conservation : Demandes de renseignements reçues")));
        mvc.perform(post("/console/inventory")
                        .with(user("delegate").roles("DELEGATE"))
                        .with(csrf())
                        .param("action", "plan")
                        .param("yaml", "purposes: [{id: p, kind: tertiary, name: {fr: a, en: b}}]\n"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("purposes[0].kind")));
    }

    @Test
    void showsTheMistakesOfTheDataMapInThePagesLanguage() throws Exception {
        var yaml = "purposes: [{id: p, kind: tertiary, name: {fr: a, en: b}}]\n";
        mvc.perform(post("/console/inventory")
                        .with(user("delegate").roles("DELEGATE"))
                        .with(csrf())
                        .param("action", "plan")
                        .param("yaml", yaml))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("une des valeurs primary, secondary")))
                .andExpect(content().string(not(containsString("must be one of"))))
                .andExpect(content().string(not(containsString("inventory.map."))));
        mvc.perform(post("/console/inventory")
                        .with(user("delegate").roles("DELEGATE"))
                        .with(csrf())
                        .param("lang", "en")
                        .param("action", "plan")
                        .param("yaml", yaml))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("must be one of primary, secondary")));
    }

    @Test
    void refusesEditsAndApprovalsToAnAuditor() throws Exception {
        mvc.perform(post("/console/inventory")
                        .with(user("auditor").roles("AUDITOR"))
                        .with(csrf())
                        .param("action", "plan")
                        .param("yaml", "purposes: []\n"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/inventory/notice")
                        .with(user("delegate").roles("DELEGATE"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void showsTheDifferenceBetweenTwoApprovedVersions() throws Exception {
        int first = notices.approve(Actor.SYSTEM, "Versions de test").version();
        inventory.apply(
                DemoDataMap.document().replace("name: Google Analytics\n", "name: Outil d'analyse\n"), Actor.SYSTEM);
        inventory.apply(DemoDataMap.document().replace("duration: P2Y", "duration: P5Y"), Actor.SYSTEM);
        int second = notices.approve(Actor.SYSTEM, "Versions de test").version();
        mvc.perform(get("/console/inventory/notice/diff")
                        .param("from", String.valueOf(first))
                        .param("to", String.valueOf(second))
                        .with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "<ins>Conservation : Demandes de renseignements reçues : 5 ans, puis détruits</ins>")))
                .andExpect(content().string(not(containsString("<pre"))))
                .andExpect(content()
                        .string(containsString("Ce que la version " + second + " ajoute à la version " + first)))
                .andExpect(content().string(not(containsString("id=\"diff-unchanged\""))));
        mvc.perform(get("/console/inventory/notice/diff")
                        .param("from", String.valueOf(second))
                        .param("to", String.valueOf(second))
                        .with(user("auditor").roles("AUDITOR")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"diff-unchanged\"")));
        // the reason the person in charge gave stays with its version, in the console
        mvc.perform(get("/console/inventory").with(user("auditor").roles("AUDITOR")))
                .andExpect(content().string(containsString("Raison de l’approbation")))
                .andExpect(content().string(containsString("Versions de test")));
    }

    @Test
    void printsTheRecordOfProcessingInFrenchAndInEnglish() throws Exception {
        mvc.perform(get("/console/inventory/record").with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Registre des traitements")))
                .andExpect(content().string(containsString("Témoins et Google Analytics sur le site web")));
        mvc.perform(get("/console/inventory/record")
                        .param("lang", "en")
                        .with(user("staff").roles("STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Record of processing")))
                .andExpect(content().string(containsString("Cookies and Google Analytics on the website")));
    }

    @Test
    void aKindWithoutAFormOrAnUnknownItemIsANotFoundPageNotAServerError() throws Exception {
        mvc.perform(get("/console/inventory/forms/processingActivities")
                        .param("id", "employment")
                        .with(user("officer").roles("PRIVACY_OFFICER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/inventory/forms/systems")
                        .param("id", "no-such-system")
                        .with(user("officer").roles("PRIVACY_OFFICER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/inventory/gaps").with(user("officer").roles("PRIVACY_OFFICER")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(
                                "/console/inventory/forms/processingActivities"))));
    }

    @Test
    void sendsAnonymousVisitorsToTheLoginPage() throws Exception {
        mvc.perform(get("/console/inventory")).andExpect(status().is3xxRedirection());
    }
}
