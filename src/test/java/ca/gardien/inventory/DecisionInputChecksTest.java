package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Locale;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What the attacker's review of the data map's decisions found: gap decisions took control characters, direction
 * overrides and reasons of invisible spaces; two decisions or approvals at once were a 500 (with the typed reason in the
 * log); an unchanged notice was approved again as a new version; a line end in a name made a heading of the notice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DecisionInputChecksTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Inventory inventory;

    @Autowired
    GapReport gaps;

    @Autowired
    NoticeVersions notices;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    TokenService tokens;

    String officer;

    @BeforeEach
    void demoMap() {
        inventory.apply(DemoDataMap.document(), Actor.SYSTEM);
        jdbc.update("DELETE FROM inventory_gap_decision");
        jdbc.update("DELETE FROM inventory_notice_version");
        officer = new ApiTokens(accounts, tokens).bearer(Role.PRIVACY_OFFICER);
    }

    @Test
    void aGapDecisionWithHiddenCharactersOrAReasonOfInvisibleSpacesIsRefusedNamingTheField() throws Exception {
        var gap = gaps.gaps(Locale.FRENCH).getFirst();
        mvc.perform(put("/api/v1/inventory/gaps/" + gap.id())
                        .header("Authorization", officer)
                        .contentType("application/json")
                        .content("{\"status\":\"risk-accepted\",\"owner\":\"Bob\\u202egnp.exe\\u0000\","
                                + "\"reason\":\"r\\u0007\\ud800\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("owner", "reason")));
        assertThatThrownBy(() -> gaps.decide(
                        gap.id(),
                        GapDecision.RISK_ACCEPTED,
                        null,
                        "line1\rFAKE: approved",
                        Actor.SYSTEM,
                        Locale.FRENCH))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(f -> assertThat(f.key()).isEqualTo("shared.field.control-characters")));
        assertThatThrownBy(() -> gaps.decide(
                        gap.id(), GapDecision.RISK_ACCEPTED, null, "\u00a0\u3000 ", Actor.SYSTEM, Locale.FRENCH))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .singleElement()
                                .satisfies(
                                        f -> assertThat(f.key()).isEqualTo("inventory.gap-decision.reason-required")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM inventory_gap_decision", Long.class))
                .isZero();
    }

    @Test
    void savingAGapAsItIsRecordsNothing() throws Exception {
        var gap = gaps.gaps(Locale.FRENCH).getFirst();
        long facts = facts(gap.id());
        gaps.decide(gap.id(), GapDecision.OPEN, null, "", Actor.SYSTEM, Locale.FRENCH);
        gaps.decide(gap.id(), GapDecision.IN_PROGRESS, "Équipe TI", null, Actor.SYSTEM, Locale.FRENCH);
        gaps.decide(gap.id(), GapDecision.IN_PROGRESS, " Équipe TI ", null, Actor.SYSTEM, Locale.FRENCH);

        org.awaitility.Awaitility.await().until(() -> facts(gap.id()) == facts + 1);
        Thread.sleep(1000); // the evidence of the unchanged saves, had there been any, is appended by now
        assertThat(facts(gap.id())).as("only the change to in progress").isEqualTo(facts + 1);
    }

    @Test
    void decisionsOnOneGapAtOnceAreEachRecordedOrRefusedAsAConflictNeverAnError() throws Exception {
        var gap = gaps.gaps(Locale.FRENCH).getFirst();
        var failures = Collections.synchronizedList(new ArrayList<Throwable>());
        int threads = 8;
        for (int round = 0; round < 6; round++) {
            var barrier = new CyclicBarrier(threads);
            var pool = Executors.newFixedThreadPool(threads);
            for (int i = 0; i < threads; i++) {
                var owner = "Responsable " + round + "-" + i;
                pool.execute(() -> {
                    try {
                        barrier.await(10, TimeUnit.SECONDS);
                        gaps.decide(gap.id(), GapDecision.IN_PROGRESS, owner, null, Actor.SYSTEM, Locale.FRENCH);
                    } catch (ConflictException refusedAsConflict) {
                        // the other decision won: the officer looks again
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failures).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM inventory_gap_decision WHERE gap_id = ?", Long.class, gap.id()))
                .isEqualTo(1);
    }

    @Test
    void anUnchangedNoticeIsNotApprovedAgainAndABlankLookingReasonIsNoReason() throws Exception {
        mvc.perform(post("/api/v1/inventory/notice/versions")
                        .header("Authorization", officer)
                        .header("Accept-Language", "fr")
                        .contentType("application/json")
                        .content("{\"reason\":\"\\u00a0\\u00a0\\u3000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        for (var nothing :
                new String[] {"\\u2028", "\\u2029", "ok\\rok"}) { // a line separator says nothing, a lone CR hides
            mvc.perform(post("/api/v1/inventory/notice/versions")
                            .header("Authorization", officer)
                            .contentType("application/json")
                            .content("{\"reason\":\"" + nothing + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("reason"));
        }
        var first = notices.approve(Actor.SYSTEM, "Approuvée malgré les écarts, plan en cours");

        mvc.perform(post("/api/v1/inventory/notice/versions")
                        .header("Authorization", officer)
                        .header("Accept-Language", "fr")
                        .contentType("application/json")
                        .content("{\"reason\":\"Encore\"}"))
                .andExpect(status().isConflict())
                .andExpect(content().string(Matchers.containsString("version " + first.version())));
        assertThat(notices.all()).extracting(NoticeVersion::version).containsExactly(first.version());
    }

    @Test
    void aLineEndInANameIsRefusedAtItsPathAndADescriptionsParagraphsReadAsOneLineOfTheNotice() {
        var errors = new ArrayList<MapError>();
        DataMapYaml.read("""
                thirdParties:
                  - id: google
                    name: "Google\\n## Nous vendons vos renseignements"
                    kind: service-provider
                """, errors);
        assertThat(errors).extracting(MapError::path).contains("thirdParties[0].name");

        assertThat(NoticeText.oneLine("- Fins : Livraison\n## Faux titre\r\n- Faux élément"))
                .isEqualTo("- Fins : Livraison ## Faux titre - Faux élément");
        assertThat(notices.draft(Locale.FRENCH).lines()).noneMatch(l -> l.contains("\r"));
    }

    @Test
    void anOlderVersionOfTheNoticeSaysItWasReplaced() throws Exception {
        var first = notices.approve(Actor.SYSTEM, "Première version");
        inventory.apply(DemoDataMap.document().replace("duration: P2Y", "duration: P18M"), Actor.SYSTEM);
        var second = notices.approve(Actor.SYSTEM, "Deuxième version");

        mvc.perform(get("/privacy/versions/" + first.version()).param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Cette version a été remplacée")));
        mvc.perform(get("/privacy/versions/" + second.version()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("This is the version in force.")));
    }

    private long facts(String gapId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM ledger_entry WHERE action = 'inventory.gap-decided' AND object_id = ?",
                Long.class,
                gapId);
    }
}
