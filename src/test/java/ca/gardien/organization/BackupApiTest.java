package ca.gardien.organization;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import ca.gardien.support.WebTestSupport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The online backup is the person in charge's, and only for the embedded database on disk. */
class BackupApiTest extends WebTestSupport {

    @Test
    void refusesABackupOfADatabaseThatIsNotTheEmbeddedOneOnDiskNamingTheTool() throws Exception {
        // the test database is H2 in memory: nothing on disk to copy
        mvc.perform(post("/api/v1/backups").header(HttpHeaders.AUTHORIZATION, officerBearer()))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail", Matchers.containsString("pg_dump")))
                .andExpect(jsonPath("$.detail", Matchers.containsString("base intégrée")));
        mvc.perform(post("/api/v1/backups")
                        .header(HttpHeaders.AUTHORIZATION, officerBearer())
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.detail", Matchers.containsString("embedded database")));
    }

    @Test
    void refusesEveryRoleButThePersonInCharge() throws Exception {
        for (var role : new Role[] {Role.AUDITOR, Role.STAFF, Role.DELEGATE}) {
            mvc.perform(post("/api/v1/backups").header(HttpHeaders.AUTHORIZATION, bearer(role)))
                    .andExpect(problem(403, "forbidden"));
        }
        mvc.perform(post("/api/v1/backups")).andExpect(problem(401, "unauthenticated"));
    }
}
