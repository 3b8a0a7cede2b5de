package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;

/**
 * The register's downloads from the console page work with the browser's session (the officer's review of 2026-12-04:
 * the page linked to the API, which answered 401 without a token), in the page's language, for readers only.
 */
@Import(IncidentsTestConfiguration.class)
class IncidentRegisterConsoleTest extends WebTestSupport {

    @Test
    void anAuditorDownloadsTheRegisterAsCsvAndPdfFromTheConsole() throws Exception {
        var auditor = person(ca.gardien.organization.Role.AUDITOR);
        var session = login(auditor.username(), auditor.password());
        var page = mvc.perform(get("/console/incidents").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("/console/incidents/register.csv").doesNotContain("/api/v1/incidents/register");

        var csv = mvc.perform(
                        get("/console/incidents/register.csv").session(session).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")))
                // named in the console's language (French here), as its other downloads (officer's walk)
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.containsString("filename=\"registre-incidents.csv\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(csv.lines().findFirst()).isPresent();
        mvc.perform(get("/console/incidents/register.pdf").session(session))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.containsString("filename=\"registre-incidents.pdf\"")));
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(session));
        mvc.perform(get("/console/incidents/register.pdf").session(session))
                .andExpect(header().string(
                                "Content-Disposition",
                                org.hamcrest.Matchers.containsString("filename=\"incident-register.pdf\"")));
    }

    @Test
    void staffWithoutTheRegisterAreRefused() throws Exception {
        mvc.perform(get("/console/incidents/register.csv").with(user("staff").roles("STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/incidents/register.pdf").with(user("staff").roles("STAFF")))
                .andExpect(status().isForbidden());
    }
}
