package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import ca.gardien.shared.Actor;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The person in charge approves numbered versions of the notice; two versions compare line by line. */
@SpringBootTest
@AutoConfigureMockMvc
class NoticeVersionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Inventory inventory;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    TokenService tokens;

    @Autowired
    NoticeVersions notices;

    @Autowired
    GapReport gaps;

    ApiTokens apiTokens;
    String officer;

    @BeforeEach
    void demoMap() {
        inventory.apply(DemoDataMap.document(), Actor.SYSTEM);
        jdbc.update("DELETE FROM inventory_notice_version"); // only a changed notice is approved again
        apiTokens = new ApiTokens(accounts, tokens);
        officer = apiTokens.bearer(Role.PRIVACY_OFFICER);
    }

    @Test
    void approvingANewVersionAfterAChangeShowsADifferenceContainingTheChange() throws Exception {
        int first = approve();
        var changed = DemoDataMap.document()
                .replace("Google LLC (Google Analytics)", "Fournisseur d'analyse (synthétique)")
                .replace("duration: P2Y", "duration: P18M");
        inventory.apply(changed, Actor.SYSTEM);
        int second = approve();
        assertThat(second).isEqualTo(first + 1);

        mvc.perform(get("/api/v1/inventory/notice/diff")
                        .param("from", String.valueOf(first))
                        .param("to", String.valueOf(second))
                        .param("lang", "en")
                        .header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[?(@.op == 'added')].text")
                        .value(hasItem("- Fournisseur d'analyse (synthétique) (United States)")))
                .andExpect(jsonPath("$.lines[?(@.op == 'removed')].text")
                        .value(hasItem("- Google LLC (Google Analytics) (United States)")))
                .andExpect(jsonPath("$.lines[?(@.op == 'added')].text")
                        .value(hasItem("Retention: Inquiries received: 1 year and 6 months, then destroyed")));

        mvc.perform(get("/api/v1/inventory/notice/versions/" + first).header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Google LLC (Google Analytics)")));
    }

    @Test
    void approvalIsNumberedDatedAndRecordedInTheLedger() throws Exception {
        // the versions are renumbered from 1 for each test: this approval's fact is the one more for its number
        String facts = "SELECT COUNT(*) FROM ledger_entry WHERE action = 'inventory.notice-approved' AND object_id = ?";
        long before = jdbc.queryForObject(facts, Long.class, "1");
        int version = approve();
        assertThat(version).isEqualTo(1);
        var listed = mvc.perform(get("/api/v1/inventory/notice/versions").header("Authorization", officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> digests = JsonPath.read(listed, "$[?(@.version == " + version + ")].sha256");
        List<String> dates = JsonPath.read(listed, "$[?(@.version == " + version + ")].approvedAt");
        assertThat(dates).singleElement().asString().isNotBlank();
        var digest = digests.getFirst();
        assertThat(listed).doesNotContain("textFr");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(facts, Long.class, String.valueOf(version)) == before + 1);
        assertThat(jdbc.queryForObject(
                        facts + " AND payload LIKE ?", Long.class, String.valueOf(version), "%" + digest + "%"))
                .isPositive();
    }

    @Test
    void olderVersionsStayReadableOnThePublicSite() throws Exception {
        int version = approve();
        mvc.perform(get("/privacy/versions/" + version).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Version " + version + " approved on")));
        mvc.perform(get("/privacy"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("/privacy/versions/" + version)));
        mvc.perform(get("/privacy/versions/99999")).andExpect(status().isNotFound());
        mvc.perform(get("/privacy/versions/x1")).andExpect(status().isNotFound());
    }

    @Test
    void onlyThePersonInChargeApproves() throws Exception {
        for (var role : new Role[] {Role.DELEGATE, Role.STAFF, Role.AUDITOR}) {
            mvc.perform(post("/api/v1/inventory/notice/versions").header("Authorization", apiTokens.bearer(role)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/inventory/notice/versions")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/inventory/notice/versions")).andExpect(status().isUnauthorized());
    }

    @Test
    void rejectsBadVersionNumbersAndLanguages() throws Exception {
        mvc.perform(get("/api/v1/inventory/notice/diff")
                        .param("from", "0")
                        .param("to", "1")
                        .header("Authorization", officer))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/inventory/notice/diff").param("to", "1").header("Authorization", officer))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/inventory/notice/versions/abc").header("Authorization", officer))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/inventory/notice/versions/99999").header("Authorization", officer))
                .andExpect(status().isNotFound());
        int version = approve();
        mvc.perform(get("/api/v1/inventory/notice/versions/" + version)
                        .param("lang", "de")
                        .header("Authorization", officer))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theConsolesStatusNamesTheVersionInForceAndWhetherTheMapChangedSinceFromOneRead() throws Exception {
        int version = approve();
        var found = gaps.gaps(java.util.Locale.FRENCH);

        var approved = notices.status(found);
        assertThat(approved.inForce())
                .hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(version));
        assertThat(approved.versions()).extracting(NoticeVersion::version).endsWith(version);
        assertThat(approved.awaitsApproval()).isFalse().isEqualTo(notices.awaitsApproval());
        long high = found.stream()
                .filter(g -> "high".equals(g.severity()) && g.decision().pending())
                .count();
        assertThat(approved.warnings().openHighGaps()).isEqualTo(high).isPositive();
        assertThat(approved.warnings().any()).isTrue();
        assertThat(notices.status(List.of()).warnings().openHighGaps())
                .as("counted from the gaps the page has, not read again")
                .isZero();

        inventory.apply(DemoDataMap.document().replace("duration: P2Y", "duration: P18M"), Actor.SYSTEM);
        var changed = notices.status(found);
        assertThat(changed.awaitsApproval()).isTrue().isEqualTo(notices.awaitsApproval());
        assertThat(changed.inForce())
                .hasValueSatisfying(v -> assertThat(v.version()).isEqualTo(version));
    }

    int approve() throws Exception {
        var body = mvc.perform(post("/api/v1/inventory/notice/versions")
                        .header("Authorization", officer)
                        .contentType("application/json")
                        .content("{\"reason\":\"Versions de test\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.version");
    }
}
