package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The ledger names an assessment and a training campaign by their title and a legal hold by what it holds and when,
 * never by their ids (officer's review of 2026-12-06: "Campagne de formation c76ac3a3-…"), and the data map without
 * saying it twice.
 */
class LedgerTitlesTest extends WebTestSupport {

    private String created(String path, String json) throws Exception {
        var body = mvc.perform(post(path)
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private String ledger(String object, String lang) throws Exception {
        var auditor = person(Role.AUDITOR);
        return mvc.perform(get("/console/ledger")
                        .param("object", object)
                        .param("lang", lang)
                        .session(login(auditor.username(), auditor.password())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anAssessmentACampaignAndAHoldAreNamedInWordsNotByTheirIds() throws Exception {
        var assessment = created("/api/v1/assessments", """
                {"title":"Portail synthétique des fournisseurs","templateId":"qc-system"}""");
        var campaign = created(
                "/api/v1/training/campaigns", """
                {"title":"Sensibilisation synthétique","module":"Hameçonnage","roles":["DELEGATE"],"dueOn":"%s"}""".formatted(LocalDate.now().plusDays(30)));
        var hold = created("/api/v1/retention/holds", """
                {"subjectKind":"email","subject":"held-somebody@example.test","reason":"Litige synthétique"}""");
        for (var id : java.util.List.of(assessment, campaign, hold)) {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> ledger(id, "fr").contains("<tbody>")
                            && !ledger(id, "fr").contains("ledger-empty"));
        }

        assertThat(ledger(assessment, "fr"))
                .contains("«\u202fPortail synthétique des fournisseurs\u202f»")
                .contains("href=\"/console/assessments/" + assessment + "\"");
        assertThat(ledger(campaign, "en")).contains("“Sensibilisation synthétique”");
        var held = ledger(hold, "fr");
        assertThat(held)
                .containsPattern("«\u202fune personne \\(par son courriel\\)\u202f», placée le \\d{4}-\\d{2}-\\d{2}")
                .contains("href=\"/console/retention#holds\"")
                .doesNotContain("held-somebody");
        for (var id : java.util.List.of(assessment, campaign, hold)) {
            assertThat(ledger(id, "fr")).doesNotContain(">" + id + "<");
        }
        mvc.perform(post("/api/v1/retention/holds/" + hold + "/release").header("Authorization", officerBearer()))
                .andExpect(status().isOk());
    }

    @org.springframework.beans.factory.annotation.Autowired
    ca.gardien.inventory.Inventory inventory;

    @Test
    void aProvidersCommitmentIsNamedByTheProviderAndTheDayItWasSigned() throws Exception {
        inventory.apply("""
                thirdParties:
                  - {id: hebergeur-titres, name: Hébergeur synthétique, kind: service-provider, jurisdiction: CA-QC}
                """, ca.gardien.shared.Actor.SYSTEM);
        var signed = LocalDate.now().minusDays(10);
        var commitment = created(
                "/api/v1/governance/providers/hebergeur-titres/commitments", """
                {"documentSha256":"%s","signedOn":"%s","measures":"Chiffrement synthétique."}""".formatted("d".repeat(64), signed));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> !ledger(commitment, "fr").contains("ledger-empty"));

        assertThat(ledger(commitment, "fr"))
                .contains("«\u202fHébergeur synthétique\u202f», signé le " + signed)
                .contains("href=\"/console/governance/providers\"")
                .doesNotContain(">" + commitment + "<");
    }

    @org.springframework.beans.factory.annotation.Autowired
    ca.gardien.inventory.GapReport gaps;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void aDataMapGapIsNamedByItsRuleAndItemAndItsDecisionSaysWhatWasDecided() throws Exception {
        try (var demo = getClass().getResourceAsStream("/demo/ingeno.yaml")) {
            inventory.apply(new String(demo.readAllBytes(), StandardCharsets.UTF_8), ca.gardien.shared.Actor.SYSTEM);
        }
        var gap = gaps.gaps(java.util.Locale.FRENCH).getFirst();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(
                                "/api/v1/inventory/gaps/" + gap.id())
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"resolved\"}"))
                .andExpect(status().isOk());
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> ledger(gap.id(), "fr").contains("marqué comme résolu"));
        var rule = messages.getMessage("inventory.rule." + gap.rule(), null, java.util.Locale.FRENCH);
        assertThat(ledger(gap.id(), "fr"))
                .contains("Écart de l’inventaire marqué comme résolu")
                .contains(rule)
                .contains("href=\"/console/inventory/gaps#gap-" + gap.id().replace(':', '-') + "\"")
                .doesNotContain(">" + gap.id() + "<");
    }

    /** Officer's review: "Jeton d'API 3802f7ea-…", and every record of the person in charge read "Désignation". */
    @Test
    void aDelegationAnAbsenceAndATokenAreNamedInWordsNotByTheirIds() throws Exception {
        var delegation = created("/api/v1/governance/person-in-charge/delegations", """
                {"name":"Dana Exemple","title":"Conseillère","email":"dana@example.test","scope":"WHOLE",
                 "startsOn":"2026-02-01","documentSha256":"%s"}""".formatted("c".repeat(64)));
        var absence = created("/api/v1/governance/person-in-charge/absences", """
                {"startsOn":"2031-07-01","endsOn":"2031-07-15"}""");
        var token = created("/api/v1/tokens", """
                {"name":"Intégration synthétique","roles":["PRIVACY_OFFICER"]}""");
        for (var id : java.util.List.of(delegation, absence, token)) {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> !ledger(id, "fr").contains("ledger-empty"));
            assertThat(ledger(id, "fr")).doesNotContain(">" + id + "<");
        }

        assertThat(ledger(delegation, "fr"))
                .contains("délégation écrite à Dana Exemple, à partir du 2026-02-01")
                .contains("href=\"/console/governance/person-in-charge\"");
        assertThat(ledger(absence, "fr")).contains("absence du 2031-07-01 au 2031-07-15");
        assertThat(ledger(token, "fr")).contains("«\u202fIntégration synthétique\u202f»");
    }
}
