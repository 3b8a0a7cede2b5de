package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Organization;
import ca.gardien.organization.OrganizationProfile;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;

/**
 * What the notice to the Commission says, as the officer read it (2026-12-06): a profile without Québec enterprise
 * number is said on the notice and warned about, with a link to the profile, on the preview and where the notice is
 * dated; each factor's level agrees with its factor ("Sensibilité des renseignements : élevée"); the sentence about
 * the persons follows the entry's conclusion (no "will be notified promptly" when no serious risk was found).
 */
@Import(IncidentsTestConfiguration.class)
class IncidentNoticeWordingTest extends WebTestSupport {

    @Autowired
    Organization organization;

    private static final OrganizationProfile PROFILE = new OrganizationProfile(
            "Exemple inc.",
            "1234567890",
            new OrganizationProfile.Address("1, rue Exemple", "Québec", "Québec", "G1K 1A1", "Canada"),
            new OrganizationProfile.PersonInCharge("Marie Tremblay", "Directrice", null, "rprp@example.test", null),
            null);

    private static String field(String page, String label) {
        var from = page.substring(page.indexOf(label));
        return from.substring(0, from.indexOf("</dd>"));
    }

    @Test
    void aProfileWithoutEnterpriseNumberIsSaidOnTheNoticeAndWarnedAboutOnThePreviewAndTheEntry() throws Exception {
        var before = organization.profile().orElse(PROFILE);
        var id = IncidentNoticePreviewTest.assessedEntry(new IncidentCalls(mvc), officerBearer(), true);
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        try {
            organization.update(
                    new OrganizationProfile(
                            before.legalName(), null, before.address(), before.personInCharge(), before.acting()),
                    Actor.SYSTEM);
            var preview = htmlOf(session, "/console/incidents/" + id + "/notices/commission?in=fr");
            assertThat(preview).contains("id=\"neq-missing\"", "href=\"/console/organization\"");
            assertThat(field(preview, "Organisation visée et numéro d’entreprise du Québec"))
                    .contains(before.legalName() + " — numéro d’entreprise du Québec (NEQ) non indiqué");
            assertThat(htmlOf(session, "/console/incidents/" + id))
                    .as("where the notice to the Commission is dated")
                    .contains("id=\"neq-missing\"");
            assertThat(htmlOf(session, "/console/incidents/" + id + "/notices/commission?in=en"))
                    .contains("Québec enterprise number (NEQ) not given");

            organization.update(
                    new OrganizationProfile(
                            before.legalName(),
                            "1234567890",
                            before.address(),
                            before.personInCharge(),
                            before.acting()),
                    Actor.SYSTEM);
            preview = htmlOf(session, "/console/incidents/" + id + "/notices/commission?in=fr");
            assertThat(preview).doesNotContain("neq-missing").contains("NEQ 1234567890");
            assertThat(htmlOf(session, "/console/incidents/" + id)).doesNotContain("neq-missing");
        } finally {
            organization.update(before, Actor.SYSTEM);
        }
    }

    @Test
    void theNoticesContactGivesThePersonInChargesTitleInTheNoticesLanguage() throws Exception {
        var before = organization.profile().orElse(PROFILE);
        var id = IncidentNoticePreviewTest.assessedEntry(new IncidentCalls(mvc), officerBearer(), true);
        var session = login(OFFICER, OFFICER_PASSWORD);
        try {
            organization.update(
                    new OrganizationProfile(
                            before.legalName(),
                            before.neq(),
                            before.address(),
                            new OrganizationProfile.PersonInCharge(
                                    "Marie Tremblay",
                                    "Directrice des opérations",
                                    "Director of Operations",
                                    "rprp@example.test",
                                    null),
                            null),
                    Actor.SYSTEM);
            assertThat(htmlOf(session, "/console/incidents/" + id + "/notices/commission?in=fr"))
                    .contains(
                            "Marie Tremblay, Directrice des opérations, " + before.legalName() + " — rprp@example.test")
                    .doesNotContain("Director of Operations");
            assertThat(htmlOf(session, "/console/incidents/" + id + "/notices/commission?in=en"))
                    .contains("Marie Tremblay, Director of Operations, " + before.legalName() + " — rprp@example.test")
                    .doesNotContain("Directrice des opérations");
        } finally {
            organization.update(before, Actor.SYSTEM);
        }
    }

    @Test
    void eachLevelAgreesWithItsFactorInFrenchAndEnglish() throws Exception {
        var id = IncidentNoticePreviewTest.assessedEntry(new IncidentCalls(mvc), officerBearer(), true);
        var session = login(OFFICER, OFFICER_PASSWORD);
        var fr = htmlOf(session, "/console/incidents/" + id + "/notices/commission?in=fr");
        assertThat(fr)
                .contains(
                        "Sensibilité des renseignements : élevée — sensitivity reasoning",
                        "Conséquences appréhendées de leur utilisation : élevées — consequences reasoning",
                        "Probabilité d’une utilisation à des fins préjudiciables : élevée — likelihood reasoning")
                .doesNotContain(": Élevé");
        assertThat(htmlOf(session, "/console/incidents/" + id + "/notices/commission?in=en"))
                .contains(
                        "Sensitivity of the information: high — sensitivity reasoning",
                        "Anticipated consequences of its use: high — consequences reasoning");
        var auditor = person(Role.AUDITOR);
        assertThat(htmlOf(login(auditor.username(), auditor.password()), "/console/incidents/" + id))
                .as("the levels a reader sees on the entry")
                .contains("<span class=\"level-sensitivity\">Élevée</span>")
                .contains("<span class=\"level-consequences\">Élevées</span>");
    }

    @Test
    void theSentenceAboutThePersonsFollowsTheConclusion() throws Exception {
        var calls = new IncidentCalls(mvc);
        var officer = officerBearer();
        var session = login(OFFICER, OFFICER_PASSWORD);
        var label = "Avis aux personnes concernées</dt>";

        var serious = IncidentNoticePreviewTest.assessedEntry(calls, officer, true);
        assertThat(field(htmlOf(session, "/console/incidents/" + serious + "/notices/commission?in=fr"), label))
                .contains("Les personnes concernées seront avisées avec diligence.");

        var notSerious = IncidentNoticePreviewTest.assessedEntry(calls, officer, false);
        var fr = field(htmlOf(session, "/console/incidents/" + notSerious + "/notices/commission?in=fr"), label);
        assertThat(fr)
                .doesNotContain("seront avisées")
                .contains("l’évaluation conclut à l’absence de risque de préjudice sérieux");
        assertThat(htmlOf(session, "/console/incidents/" + notSerious + "/notices/commission?in=en"))
                .doesNotContain("will be notified promptly")
                .contains("the assessment concluded there is no risk of serious injury");

        calls.send(
                HttpMethod.POST,
                officer,
                "/api/v1/incidents/" + serious + "/notices",
                "{\"noNoticeReason\": \"The police asked us to wait\"}",
                200);
        assertThat(field(htmlOf(session, "/console/incidents/" + serious + "/notices/commission?in=fr"), label))
                .doesNotContain("seront avisées")
                .contains("ne sont pas encore avisées : The police asked us to wait");
    }
}
