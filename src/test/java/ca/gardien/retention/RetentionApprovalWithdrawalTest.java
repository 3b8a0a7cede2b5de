package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.util.HtmlUtils;

/**
 * An approval taken back (officer's walk: once approved, the only brake on the scheduled destruction was a legal hold):
 * the card offers to withdraw it with a confirmation, the scheduled destruction is no longer announced, a real run
 * waits for a new approval, the ledger records who withdrew it; refused to those who may not approve, for an unknown
 * run, and in words once a real run has started.
 */
@org.springframework.test.context.TestPropertySource(
        properties = {"gardien.retention.scheduled=true", "gardien.retention.check-every=10m"})
class RetentionApprovalWithdrawalTest extends PlantedShop {

    private MockHttpSession officer() throws Exception {
        var person = person(Role.PRIVACY_OFFICER);
        return login(person.username(), person.password());
    }

    private String card(MockHttpSession session, String lang) throws Exception {
        var page = HtmlUtils.htmlUnescape(
                mvc.perform(get("/console/retention").session(session).param("lang", lang))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        int start = page.indexOf("id=\"rule-orders\"");
        return page.substring(start, page.indexOf("</section>", start));
    }

    private String approvedDryRun(String bearer) throws Exception {
        var id = JsonPath.<String>read(awaitRun(bearer, startRun(bearer, "orders", true)), "$.id");
        call(post("/api/v1/retention/runs/" + id + "/approval").header("Authorization", bearer), 200);
        return id;
    }

    @Test
    void aWithdrawnApprovalLeavesNoScheduledDestructionAndARealRunWaitsForANewOne() throws Exception {
        var officer = officer();
        var id = approvedDryRun(officerBearer());
        var approved = card(officer, "fr");
        assertThat(approved)
                .contains("Destruction prévue")
                .contains("/console/retention/runs/" + id + "/approval/withdrawal")
                .contains("data-confirm=\"Retirer l’approbation de «\u202fCommandes\u202f»\u202f?")
                .contains("Retirer l’approbation</button>");

        var withdrawn = mvc.perform(post("/console/retention/runs/" + id + "/approval/withdrawal")
                        .session(officer)
                        .with(csrf()))
                .andReturn();
        assertThat(withdrawn.getResponse().getRedirectedUrl()).isEqualTo("/console/retention#rule-orders");
        assertThat(withdrawn.getFlashMap().get("done")).isEqualTo("approval-withdrawn");
        var after = card(officer, "fr");
        assertThat(after)
                .doesNotContain("Destruction prévue", "Passage à blanc approuvé le", "Retirer l’approbation</button>")
                .doesNotContain("Détruire maintenant")
                .contains("/console/retention/runs/" + id + "/approval\"") // the same dry run may be approved again
                .contains("Un passage à blanc attend votre approbation");
        var real = call(
                post("/api/v1/retention/runs")
                        .header("Authorization", officerBearer())
                        .header("Accept-Language", "fr")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rule\":\"orders\",\"dryRun\":false}"),
                409);
        assertThat(real).contains("Approuvez d’abord un passage à blanc de cette règle.");
        var fact = awaitLedgerEntry("retention.approval.withdrawn", id);
        assertThat(String.valueOf(fact.get("actorId"))).isNotBlank();

        // approved again, the real run may follow
        call(post("/api/v1/retention/runs/" + id + "/approval").header("Authorization", officerBearer()), 200);
        awaitRun(officerBearer(), startRun(officerBearer(), "orders", false));
    }

    @Test
    void onlyThoseWhoApproveWithdrawAnUnknownRunIsNotFoundAndTheApiSaysWhenThereIsNothingToWithdraw() throws Exception {
        var delegate = bearer(Role.DELEGATE);
        var id = approvedDryRun(delegate);
        call(delete("/api/v1/retention/runs/" + id + "/approval").header("Authorization", bearer(Role.AUDITOR)), 403);
        call(delete("/api/v1/retention/runs/" + id + "/approval").header("Authorization", bearer(Role.STAFF)), 403);
        var auditor = person(Role.AUDITOR);
        var console = mvc.perform(post("/console/retention/runs/" + id + "/approval/withdrawal")
                        .session(login(auditor.username(), auditor.password()))
                        .with(csrf()))
                .andReturn()
                .getResponse();
        assertThat(console.getStatus()).isEqualTo(403);
        call(
                delete("/api/v1/retention/runs/" + UUID.randomUUID() + "/approval")
                        .header("Authorization", delegate),
                404);

        var withdrawn =
                call(delete("/api/v1/retention/runs/" + id + "/approval").header("Authorization", delegate), 200);
        assertThat((Object) JsonPath.read(withdrawn, "$.approvedBy")).isNull();
        var again = call(
                delete("/api/v1/retention/runs/" + id + "/approval")
                        .header("Authorization", delegate)
                        .header("Accept-Language", "en"),
                409);
        assertThat(again).contains("The real runs of this rule do not follow this approval");
        var rules = call(get("/api/v1/retention/rules").header("Authorization", delegate), 200);
        assertThat(JsonPath.<java.util.List<Boolean>>read(rules, "$[?(@.id == 'orders')].awaitingApproval"))
                .containsExactly(true);
    }

    @Test
    void anApprovalCannotBeWithdrawnOnceARealRunHasStartedAndThePageSaysSo() throws Exception {
        var officer = officer();
        var id = approvedDryRun(officerBearer());
        var real = awaitRun(officerBearer(), startRun(officerBearer(), "orders", false));
        // the real run under way (paused between batches): the approval it follows stays
        runs.update(
                "UPDATE retention_run SET status = 'PAUSED' WHERE id = ?",
                UUID.fromString(JsonPath.read(real, "$.id")));
        var refused = call(
                delete("/api/v1/retention/runs/" + id + "/approval")
                        .header("Authorization", officerBearer())
                        .header("Accept-Language", "en"),
                409);
        assertThat(refused).contains("The real run of this rule has already started");
        var page = mvc.perform(post("/console/retention/runs/" + id + "/approval/withdrawal")
                        .session(officer)
                        .with(csrf()))
                .andReturn();
        assertThat(String.valueOf(page.getFlashMap().get("refused")))
                .isEqualTo("Le passage réel de cette règle a déjà commencé\u202f: l’approbation qu’il suit ne peut plus"
                        + " être retirée avant qu’il soit terminé (un passage en pause ne l’est pas).");
        assertThat(card(officer, "en")).contains("Dry run approved on");
    }
}
