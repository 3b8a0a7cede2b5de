package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.ledger.CanonicalForm;
import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The data map as code over the REST API: export, plan and apply of the YAML document, with every mistake reported by
 * path and nothing stored when there is one.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DataMapAsCodeTest {

    static final String YAML = "application/yaml";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    TokenService tokens;

    String officer;

    @BeforeEach
    void officerWithTheDemoMap() throws Exception {
        officer = new ApiTokens(accounts, tokens).bearer(Role.PRIVACY_OFFICER);
        apply(DemoDataMap.document(), officer).andExpect(status().isOk());
    }

    @Test
    void planningTheExportAgainstItselfFindsNoChanges() throws Exception {
        mvc.perform(post("/api/v1/inventory/plan")
                        .header("Authorization", officer)
                        .contentType(YAML)
                        .content(export()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes", hasSize(0)));
    }

    @Test
    void exportApplyExportIsByteIdentical() throws Exception {
        var first = export();
        apply(first, officer).andExpect(status().isOk()).andExpect(jsonPath("$.changes", hasSize(0)));
        assertThat(export()).isEqualTo(first);
    }

    @Test
    void exportsYamlWithEveryListOfTheMap() throws Exception {
        mvc.perform(get("/api/v1/inventory/export").header("Authorization", officer))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(YAML))
                .andExpect(content().string(containsString("processingActivities:")))
                .andExpect(content().string(containsString("- id: website-cookies")));
    }

    @Test
    void planListsAdditionsChangesAndRemovals() throws Exception {
        var map = Inventory.parse(export());
        var subjects = new ArrayList<>(map.subjectCategories());
        subjects.add(new SubjectCategory("volunteer", new Text("Bénévoles", "Volunteers")));
        var transfers = map.transfers().stream()
                .filter(t -> !t.id().equals("payments-us"))
                .toList();
        var rules = map.retentionRules().stream()
                .map(r -> r.id().equals("inquiries")
                        ? new RetentionRule(r.id(), r.name(), "P3Y", r.trigger(), null, null, r.disposal(), null)
                        : r)
                .toList();
        var edited = new DataMap(
                subjects,
                map.piCategories(),
                map.purposes(),
                map.legalBases(),
                rules,
                map.systems(),
                map.thirdParties(),
                map.accessRoles(),
                map.processingActivities(),
                transfers);
        mvc.perform(post("/api/v1/inventory/plan")
                        .header("Authorization", officer)
                        .contentType(YAML)
                        .content(DataMapYaml.write(edited)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes", hasSize(3)))
                .andExpect(jsonPath("$.changes[0].op").value("add"))
                .andExpect(jsonPath("$.changes[0].path").value("subjectCategories/volunteer"))
                .andExpect(jsonPath("$.changes[1].op").value("change"))
                .andExpect(jsonPath("$.changes[1].path").value("retentionRules/inquiries"))
                .andExpect(jsonPath("$.changes[1].fields[0]").value("duration"))
                .andExpect(jsonPath("$.changes[2].op").value("remove"))
                .andExpect(jsonPath("$.changes[2].path").value("transfers/payments-us"));
    }

    @Test
    void applyRecordsTheDocumentDigestInTheLedger() throws Exception {
        var yaml = export().replace("duration: P2Y", "duration: P18M");
        apply(yaml, officer)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes", hasSize(1)))
                .andExpect(jsonPath("$.changes[0].path").value("retentionRules/inquiries"));
        var digest = CanonicalForm.sha256Hex(yaml.getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM ledger_entry WHERE action = 'inventory.applied' AND payload LIKE ?",
                                Long.class,
                                "%" + digest + "%")
                        == 1);
        assertThat(export()).contains("duration: P18M");
    }

    @Test
    void reportsThreeMistakesWithTheirPathsAndStoresNothing() throws Exception {
        var before = export();
        apply(THREE_MISTAKES, officer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://gardien.ca/problems/validation"))
                .andExpect(jsonPath("$.errors", hasSize(3)))
                .andExpect(jsonPath("$.errors[0].path").value("processingActivities[3].categories[1]"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown category 'phone'"))
                .andExpect(jsonPath("$.errors[1].path").value("processingActivities[3].purposes[1]"))
                .andExpect(jsonPath("$.errors[1].message").value("unknown purpose 'newsletter-x'"))
                .andExpect(jsonPath("$.errors[2].path").value("processingActivities[3].source"));
        mvc.perform(post("/api/v1/inventory/plan")
                        .header("Authorization", officer)
                        .contentType(YAML)
                        .content(THREE_MISTAKES))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(3)));
        assertThat(export()).isEqualTo(before);
    }

    @Test
    void theSameMistakesAreTold_inFrenchByDefault_andInEnglishWhenAsked() throws Exception {
        mvc.perform(post("/api/v1/inventory/plan")
                        .header("Authorization", officer)
                        .contentType(YAML)
                        .content(THREE_MISTAKES))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Le document de la carte des données contient des erreurs."))
                .andExpect(jsonPath("$.errors[0].message").value("catégorie inconnue « phone »"))
                .andExpect(jsonPath("$.errors[1].message").value("finalité inconnue « newsletter-x »"))
                .andExpect(jsonPath("$.errors[2].message")
                        .value("doit être l’une des valeurs person, third-party-with-consent"))
                .andExpect(jsonPath("$.errors[0].key").doesNotExist());
        mvc.perform(post("/api/v1/inventory/plan")
                        .header("Authorization", officer)
                        .header("Accept-Language", "en")
                        .contentType(YAML)
                        .content(THREE_MISTAKES))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The data map document has errors."))
                .andExpect(jsonPath("$.errors[0].message").value("unknown category 'phone'"))
                .andExpect(jsonPath("$.errors[1].message").value("unknown purpose 'newsletter-x'"));
    }

    static final String THREE_MISTAKES = """
            subjectCategories:
              - id: customer
                name: {fr: Clients, en: Customers}
            piCategories:
              - id: contact
                name: {fr: Coordonnées, en: Contact information}
            purposes:
              - id: newsletter
                name: {fr: Infolettre, en: Newsletter}
                kind: primary
            legalBases:
              - id: consent
                kind: express-consent
                name: {fr: Consentement, en: Consent}
            processingActivities:
              - {id: a0, name: {fr: A, en: A}, purposes: [newsletter], legalBasis: consent, source: person}
              - {id: a1, name: {fr: B, en: B}, purposes: [newsletter], legalBasis: consent, source: person}
              - {id: a2, name: {fr: C, en: C}, purposes: [newsletter], legalBasis: consent, source: person}
              - id: a3
                name: {fr: D, en: D}
                subjects: [customer]
                categories: [contact, phone]
                purposes: [newsletter, newsletter-x]
                legalBasis: consent
                source: mail
            """;

    @Test
    void rejectsMalformedYamlWithAProblem() throws Exception {
        apply("processingActivities: [ {id: a, name: \n  - : :", officer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(1)))
                .andExpect(jsonPath("$.errors[0].message", containsString("not valid YAML")));
    }

    @Test
    void reportsUnknownFieldsWithTheirPath() throws Exception {
        apply("purposes:\n  - id: p\n    name: {fr: a, en: b}\n    kind: primary\n    colour: blue\n", officer)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].path").value("purposes[0].colour"))
                .andExpect(jsonPath("$.errors[0].message").value("unknown field"));
    }

    @Test
    void rejectsAnEmptyDocument() throws Exception {
        apply("", officer).andExpect(status().isBadRequest());
    }

    @Test
    void refusesPlanAndApplyToAnAuditor() throws Exception {
        var auditor = new ApiTokens(accounts, tokens).bearer(Role.AUDITOR);
        var before = export();
        mvc.perform(post("/api/v1/inventory/plan")
                        .header("Authorization", auditor)
                        .contentType(YAML)
                        .content(before))
                .andExpect(status().isForbidden());
        apply("subjectCategories: []\n", auditor).andExpect(status().isForbidden());
        assertThat(export()).isEqualTo(before);
    }

    @Test
    void refusesApplyToStaffButLetsStaffPlan() throws Exception {
        var staff = new ApiTokens(accounts, tokens).bearer(Role.STAFF);
        apply("subjectCategories: []\n", staff).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/inventory/plan")
                        .header("Authorization", staff)
                        .contentType(YAML)
                        .content(export()))
                .andExpect(status().isOk());
    }

    @Test
    void letsAnAuditorReadTheExport() throws Exception {
        var auditor = new ApiTokens(accounts, tokens).bearer(Role.AUDITOR);
        mvc.perform(get("/api/v1/inventory/export").header("Authorization", auditor))
                .andExpect(status().isOk());
    }

    @Test
    void requiresATokenForEveryEndpoint() throws Exception {
        mvc.perform(get("/api/v1/inventory/export")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/inventory/gaps")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/inventory/plan").contentType(YAML).content("purposes: []\n"))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/inventory/apply").contentType(YAML).content("purposes: []\n"))
                .andExpect(status().isUnauthorized());
    }

    String export() throws Exception {
        return mvc.perform(get("/api/v1/inventory/export").header("Authorization", officer))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** Applies in English, the language the assertions on messages are written in. */
    ResultActions apply(String yaml, String bearer) throws Exception {
        return mvc.perform(post("/api/v1/inventory/apply")
                .header("Authorization", bearer)
                .header("Accept-Language", "en")
                .contentType(YAML)
                .content(yaml));
    }
}
