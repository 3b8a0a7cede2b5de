package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.util.HtmlUtils;

/**
 * Approving a dry run's figures says what it does (officer review, 2026-12-06): the scheduled sweep then destroys the
 * rows without asking again, so the button and its confirmation say so and when, and the approved rule's card says the
 * destruction is scheduled; "now" is labelled as starting the real run. Counts agree with their noun ("0 ligne liée").
 */
@org.springframework.test.context.TestPropertySource(
        properties = {"gardien.retention.scheduled=true", "gardien.retention.check-every=10m"})
class RetentionApprovalWordsTest extends PlantedShop {

    /** "le 7 déc. 2026, 03 h 22 (UTC)" or "d’ici 10 minutes" (the clock's check): never "le dans la minute". */
    private static final String WHEN_FR = "(le \\d|d’ici 10 minutes)";

    private static final String WHEN_EN = "(on [A-Z]|within 10 minutes)";

    @Autowired
    MessageSource messages;

    private MockHttpSession officer() throws Exception {
        var person = person(Role.PRIVACY_OFFICER);
        return login(person.username(), person.password());
    }

    private String page(MockHttpSession session, String lang) throws Exception {
        var response = mvc.perform(get("/console/retention").session(session).param("lang", lang))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return HtmlUtils.htmlUnescape(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static String card(String page, String rule) {
        int start = page.indexOf("id=\"rule-" + rule + "\"");
        assertThat(start).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    @Test
    void approvingSaysTheNextSweepDestroysWithoutAskingAndWhenThenTheCardSaysItIsScheduled() throws Exception {
        var officer = officer();
        var before = card(page(officer, "fr"), "orders");
        assertThat(before).containsPattern("prochain passage " + WHEN_FR).doesNotContain("le dans la minute");

        mvc.perform(post("/console/retention/runs")
                        .session(officer)
                        .with(csrf())
                        .param("rule", "orders")
                        .param("dryRun", "true"))
                .andReturn();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> card(page(officer, "en"), "orders").contains("A dry run awaits your approval"));

        var fr = card(page(officer, "fr"), "orders");
        assertThat(fr)
                .contains("Approuver : détruire au prochain passage automatique</button>")
                .containsPattern("data-confirm=\"Approuver, c’est laisser Gardien détruire sans vous redemander les"
                        + " lignes échues de « Commandes » à son prochain passage automatique, " + WHEN_FR)
                .contains("100 lignes de la règle et 233 lignes liées selon ce passage à blanc")
                .doesNotContain("Approuver ces chiffres", "seraient détruites");
        var en = card(page(officer, "en"), "orders");
        assertThat(en)
                .contains("Approve: destroy at the next automatic sweep</button>")
                .containsPattern("Approving lets Gardien destroy the expired rows of “Orders” without asking again at"
                        + " its next automatic sweep, " + WHEN_EN)
                .doesNotContain("Destroy now");

        var approval = Pattern.compile("/console/retention/runs/([0-9a-f-]{36})/approval")
                .matcher(en);
        assertThat(approval.find()).isTrue();
        mvc.perform(post(approval.group()).session(officer).with(csrf())).andReturn();

        var approvedFr = card(page(officer, "fr"), "orders");
        assertThat(approvedFr)
                .contains("Passage à blanc approuvé le ")
                .contains("(100 lignes échues)\u202f: les passages réels de cette règle suivent cette approbation")
                .containsPattern("Destruction prévue " + WHEN_FR)
                .contains("Gardien détruira sans vous redemander les lignes échues de cette règle")
                .contains("Détruire maintenant (lance la destruction réelle)</button>")
                .contains("Lancer maintenant la destruction réelle des lignes échues de « Commandes »");
        var approvedEn = card(page(officer, "en"), "orders");
        assertThat(approvedEn)
                .containsPattern("Destruction scheduled " + WHEN_EN)
                .contains("Destroy now (starts the real destruction)</button>")
                .doesNotContain("A dry run awaits your approval");
    }

    @Test
    void anAnonymizationApprovedWhileItsRegisterIsIncompleteSaysItIsApprovedAndWaitsForTheRegister() throws Exception {
        var officer = officer();
        mvc.perform(post("/console/retention/runs")
                        .session(officer)
                        .with(csrf())
                        .param("rule", "dormant")
                        .param("dryRun", "true"))
                .andReturn();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> card(page(officer, "en"), "dormant").contains("A dry run awaits your approval"));
        var before = card(page(officer, "fr"), "dormant");
        // the button does not promise an anonymization the incomplete register forbids
        assertThat(before)
                .contains("Approuver ces chiffres</button>")
                .contains(
                        "Rien n’est anonymisé tant que le registre des anonymisations de cette règle n’est pas complet.")
                .doesNotContain("Approuver : anonymiser au prochain passage automatique");
        var approval = Pattern.compile("/console/retention/runs/([0-9a-f-]{36})/approval")
                .matcher(before);
        assertThat(approval.find()).isTrue();
        mvc.perform(post(approval.group()).session(officer).with(csrf())).andReturn();

        var after = card(page(officer, "fr"), "dormant");
        assertThat(after)
                .contains("Passage à blanc approuvé le ")
                .contains("mais rien ne sera anonymisé tant que le registre des anonymisations de cette règle n’est pas"
                        + " complet")
                .doesNotContain("Anonymisation prévue");
        assertThat(card(page(officer, "en"), "dormant"))
                .contains("Dry run approved on ")
                .contains("but nothing will be anonymized until this rule’s register of anonymizations is complete");
    }

    @Test
    void theApprovalConfirmationCountsNoRelatedRowInTheSingularInFrench() {
        Object[] args = {"Commandes", 3, 0, "d’ici 1 minute"};
        assertThat(messages.getMessage("retention.console.confirm-approve", args, Locale.CANADA_FRENCH))
                .contains("3 lignes de la règle et 0 ligne liée selon");
        assertThat(messages.getMessage("retention.console.confirm-approve.manual", args, Locale.CANADA_FRENCH))
                .contains("3 lignes de la règle et 0 ligne liée à détruire");
        assertThat(messages.getMessage("retention.console.confirm-approve", args, Locale.CANADA))
                .contains("3 rows of the rule and 0 related rows per");
        Object[] one = {"Commandes", 1, 1, "d’ici 1 minute"};
        assertThat(messages.getMessage("retention.console.confirm-approve", one, Locale.CANADA_FRENCH))
                .contains("1 ligne de la règle et 1 ligne liée");
    }
}
