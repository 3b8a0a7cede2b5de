package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * The governance console pages: every role reads them (nothing shown raw, no broken key); a step the role does not
 * allow, or bad input, comes back on the page as a refusal naming the field, never a 500; a member acknowledges a
 * campaign from the console; the dashboard's training tile links to the campaigns.
 */
class GovernancePagesTest extends GovernanceTestSupport {

    static final String[] PAGES = {
        "/console/governance/policies",
        "/console/governance/policies/privacy-policy/versions/1",
        "/console/governance/person-in-charge",
        "/console/governance/training",
        "/console/governance/registers",
        "/console/governance/providers"
    };

    @Test
    void everyRoleReadsThePagesInItsLanguage() throws Exception {
        for (var role : Role.people()) {
            var session = as(role);
            for (var page : PAGES) {
                mvc.perform(get(page).session(session).header("Accept-Language", "en"))
                        .andExpect(status().isOk())
                        .andExpect(content().string(allOf(not(containsString("??")), not(containsString("_EN")))));
            }
        }
        mvc.perform(get("/console/governance/policies/no-such-policy").session(as(Role.STAFF)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/governance/policies/privacy-policy/versions/abc")
                        .session(as(Role.STAFF)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/console").session(as(Role.PRIVACY_OFFICER)))
                .andExpect(content().string(containsString("href=\"/console/governance/training\"")));
    }

    /** A gap raised by the registers has no data-map decision of its own: the gap page lists it and links here. */
    @Test
    void aRegisterGapShowsOnTheGapPageWithALinkToTheRegisters() throws Exception {
        send(officerBearer(), "/api/v1/governance/registers", """
                {"kind":"SETTING","product":"Appli","nameFr":"Localisation","nameEn":"Location",
                 "defaultValue":"on","mostPrivate":"off"}""").andExpect(status().isCreated());
        mvc.perform(get("/console/inventory/gaps").session(as(Role.PRIVACY_OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("P-39.1, art. 9.1"),
                                containsString("href=\"/console/governance/registers\""))));
    }

    @Test
    void stepsARoleCannotTakeOrBadInputAreRefusedOnThePage() throws Exception {
        int n = openDraft();
        var staff = as(Role.STAFF);
        var version = "/console/governance/policies/privacy-policy/versions/" + n;
        for (var step : new String[] {"/review", "/approve", "/publish", "/sections/s15"}) {
            mvc.perform(post(version + step)
                            .session(staff)
                            .with(csrf())
                            .param("headingFr", "x")
                            .param("headingEn", "x")
                            .param("fr", "x")
                            .param("en", "x"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("refused", containsString("rôle")));
        }
        mvc.perform(post("/console/governance/person-in-charge/delegations")
                        .session(as(Role.DELEGATE))
                        .with(csrf()))
                .andExpect(flash().attributeExists("refused"));
        mvc.perform(post("/console/governance/person-in-charge/absences")
                        .session(as(Role.PRIVACY_OFFICER))
                        .with(csrf())
                        .param("startsOn", "2031-02-30")
                        .param("endsOn", ""))
                .andExpect(redirectedUrl("/console/governance/person-in-charge#refused"))
                .andExpect(
                        flash().attribute("refused", allOf(containsString("À partir du"), containsString("Jusqu’au"))));
        mvc.perform(post("/console/governance/training")
                        .session(as(Role.DELEGATE))
                        .with(csrf())
                        .param("title", "Lecture")
                        .param("module", "M")
                        .param("roles", "AUDITOR")
                        .param("dueOn", "2020-01-01"))
                .andExpect(
                        flash().attribute("refused", allOf(containsString("Auditoire"), containsString("Échéance"))));
        mvc.perform(post("/console/governance/registers")
                        .session(as(Role.AUDITOR))
                        .with(csrf())
                        .param("kind", "SETTING"))
                .andExpect(flash().attributeExists("refused"));
        mvc.perform(post("/console/governance/providers/payroll-provider/commitments")
                        .session(as(Role.STAFF))
                        .with(csrf()))
                .andExpect(flash().attributeExists("refused"));
        // the officer forgot to attach the signed document: told so in words, not in SHA-256 characters
        mvc.perform(post("/api/v1/inventory/apply")
                        .header(org.springframework.http.HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE))
                        .contentType("application/yaml")
                        .content(new org.springframework.core.io.ClassPathResource("demo/ingeno.yaml")
                                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)))
                .andExpect(status().isOk());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/console/governance/providers/payroll-provider/commitments")
                        .session(as(Role.PRIVACY_OFFICER))
                        .with(csrf())
                        .param("signedOn", "2026-11-02"))
                .andExpect(flash().attribute(
                                "refused",
                                allOf(
                                        containsString("Joignez le document signé"),
                                        org.hamcrest.Matchers.not(containsString("hexadécimaux")))))
                .andExpect(flash().attribute("typedForm", "commit-payroll-provider"));
        // and the page shows the form open again with what was typed
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/console/governance/providers/payroll-provider/commitments")
                        .session(as(Role.PRIVACY_OFFICER))
                        .with(csrf())
                        .param("signedOn", "2026-11-02")
                        .param("measures", "Chiffrement des fichiers de paie"))
                .andReturn();
        mvc.perform(get("/console/governance/providers")
                        .session(as(Role.PRIVACY_OFFICER))
                        .flashAttrs(refused.getFlashMap()))
                .andExpect(content()
                        .string(allOf(
                                containsString("Chiffrement des fichiers de paie</textarea>"),
                                containsString("value=\"2026-11-02\""),
                                containsString("joignez de nouveau le document signé"))));
    }

    @Test
    void aMemberAcknowledgesFromTheConsoleAndTheOfficerSeesTheProgress() throws Exception {
        int version = publishNext();
        var member = person(Role.STAFF);
        var session = login(member.username(), member.password());
        var title = unique("Lecture");
        clock.setDay("2032-07-01");
        var launched = mvc.perform(post("/console/governance/training")
                        .session(as(Role.PRIVACY_OFFICER))
                        .with(csrf())
                        .param("title", title)
                        .param("policyId", "privacy-policy")
                        .param("roles", "STAFF")
                        .param("dueOn", "2032-07-20"))
                .andExpect(flash().attributeExists("done"))
                .andReturn();
        // said as what was done, not a bare « C’est consigné. » (officer's walk)
        mvc.perform(get("/console/governance/training")
                        .session(as(Role.PRIVACY_OFFICER))
                        .flashAttrs(launched.getFlashMap()))
                .andExpect(content()
                        .string(allOf(
                                containsString("La campagne de formation est lancée"),
                                not(containsString("C’est consigné.")))));
        var list = mvc.perform(get("/api/v1/training/campaigns").header("Authorization", officerBearer()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String id = JsonPath.<java.util.List<String>>read(list, "$[?(@.title=='" + title + "')].id")
                .getFirst();
        mvc.perform(get("/console/governance/training").session(session))
                .andExpect(content().string(allOf(containsString(title), containsString("À confirmer"))));
        mvc.perform(get("/console/governance/training/" + id).session(as(Role.AUDITOR)))
                .andExpect(content().string(containsString("0 sur")));
        mvc.perform(post("/console/governance/training/" + id + "/acknowledge")
                        .session(session)
                        .with(csrf())
                        .param("versionSeen", String.valueOf(version)))
                .andExpect(flash().attributeExists("done"));
        mvc.perform(get("/console/governance/training/" + id).session(as(Role.AUDITOR)))
                .andExpect(content().string(containsString("1 sur")));
        var csv = mvc.perform(get("/console/governance/training/" + id + "/record.csv")
                        .session(as(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        // a file for French Excel: the UTF-8 byte order mark first (console.ConsoleCsvFilesTest), the time with its
        // offset
        assertThat(csv).startsWith("\uFEFF").contains(member.username() + ",", "," + version + ",");
        assertThat(csv).containsPattern(",2032-07-01T\\d{2}:\\d{2}:\\d{2}-04:00,");
        mvc.perform(get("/console/governance/training/" + id + "/record.csv").session(session))
                .andExpect(status().isForbidden());
    }
}
