package ca.gardien.connectors;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console pages: connectors listed, the discovered schema reviewed, the plan shown for a sample identity. */
class ConnectorConsoleTest extends ConnectorTestSupport {

    CrmDatabase crm = new CrmDatabase("jdbc:h2:mem:console-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");

    @AfterEach
    void drop() throws Exception {
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    @Test
    void theOfficerReviewsTheSchemaAndThePlanForASampleIdentity() throws Exception {
        crm.create();
        crm.plant();
        var id = "console-" + UUID.randomUUID().toString().substring(0, 8);
        register(id, crm.url(), "sa", "");
        annotate(CrmDatabase.ANNOTATIONS.formatted(id));
        var session = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(get("/console/connectors").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Connecteurs")))
                .andExpect(content().string(containsString(id)));
        mvc.perform(get("/console/connectors/" + id).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Schéma découvert")))
                .andExpect(content().string(containsString("ORDER_LINE")));
        mvc.perform(post("/console/connectors/" + id + "/plan")
                        .session(session)
                        .with(csrf())
                        .param("kind", "email")
                        .param("value", CrmDatabase.ALICE)
                        .param("action", "ERASE"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("BREAK_CYCLE")))
                .andExpect(content().string(containsString("no index on")));
        mvc.perform(post("/console/connectors/" + id + "/plan")
                        .session(session)
                        .with(csrf())
                        .param("kind", "ssn")
                        .param("value", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("identities.ssn")));
    }

    @Test
    void staffDoNotSeeConnectorPages() throws Exception {
        var staff = person(Role.STAFF);
        var session = login(staff.username(), staff.password());
        mvc.perform(get("/console/connectors").session(session)).andExpect(status().isForbidden());
    }
}
