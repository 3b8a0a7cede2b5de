package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ca.gardien.shared.Bundles;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each legal gap rule fires on the map that breaks it, and only there. */
class GapRulesTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-29");

    static final String CLEAN = """
            subjectCategories:
              - {id: customer, name: {fr: Clients, en: Customers}}
            piCategories:
              - {id: contact, name: {fr: Coordonnées, en: Contact}, sensitive: false}
              - {id: health, name: {fr: Santé, en: Health}, sensitive: true}
            purposes:
              - {id: service, name: {fr: Service, en: Service}, description: {fr: Servir, en: Serve}, kind: primary}
              - {id: survey, name: {fr: Sondage, en: Survey}, description: {fr: Sonder, en: Poll}, kind: secondary}
            legalBases:
              - {id: consent, kind: express-consent, name: {fr: Consentement exprès, en: Express consent}}
              - {id: contract, kind: contract, name: {fr: Contrat, en: Contract}}
            retentionRules:
              - {id: r1, name: {fr: Deux ans, en: Two years}, duration: P2Y, trigger: end-of-contract, disposal: destroy}
            systems:
              - id: crm
                name: CRM
                jurisdiction: CA-QC
                holdsPersonalInformation: true
                introducedOn: "2024-01-01"
                piaReference: PIA-1
            thirdParties:
              - id: host
                name: Host
                kind: service-provider
                jurisdiction: US
                commitment: {reference: C-1, signedOn: "2024-01-01", expiresOn: "2027-06-30"}
            accessRoles:
              - {id: support, name: {fr: Soutien, en: Support}, categories: [contact, health]}
            transfers:
              - {id: t1, destination: US, recipient: host, categories: [contact], agreement: A-1, piaReference: PIA-2,
                 piaApproved: true}
            processingActivities:
              - id: service
                name: {fr: Service, en: Service}
                subjects: [customer]
                categories: [contact]
                purposes: [service]
                legalBasis: contract
                source: person
                systems: [crm]
                recipients: [host]
                retention: r1
                accessRoles: [support]
              - id: care
                name: {fr: Soins, en: Care}
                categories: [health]
                purposes: [survey]
                legalBasis: consent
                source: person
                retention: r1
                accessRoles: [support]
            """;

    /** The clean map broken once for every rule. */
    static final String BROKEN = CLEAN.replace("piaApproved: true", "piaApproved: false")
                    .replace("expiresOn: \"2027-06-30\"", "expiresOn: \"2026-06-30\"")
                    .replace("    piaReference: PIA-1\n", "")
                    .replace("""
                        legalBasis: consent
                        source: person
                        retention: r1
                    """, """
                        legalBasis: consent
                        source: person
                    """)
                    .replace(
                            "  - {id: support,",
                            "  - {id: analyst, name: {fr: Analyste, en: Analyst}, categories: [health]}\n  - {id: support,")
            + """
                  - {id: claims, name: {fr: Réclamations, en: Claims}, categories: [health], purposes: [service],
                     legalBasis: contract, source: person, retention: r1, accessRoles: [support]}
                  - {id: feedback, name: {fr: Avis, en: Feedback}, categories: [contact], purposes: [survey],
                     legalBasis: contract, source: person, retention: r1, accessRoles: [support]}
                  - {id: misc, name: {fr: Divers, en: Misc}, categories: [contact], legalBasis: contract,
                     source: person, retention: r1, accessRoles: [support]}
                """;

    @Test
    void aCleanMapHasNoGaps() {
        assertThat(check(CLEAN, TODAY, InventoryProperties.defaults())).isEmpty();
    }

    @Test
    void aMapBrokenOnceForEveryRuleHasExactlyOneGapPerRule() {
        assertThat(check(BROKEN, TODAY, InventoryProperties.defaults()))
                .extracting(f -> f.rule().id(), Finding::object)
                .containsExactlyInAnyOrder(
                        tuple("transfer-without-approved-pia", "transfers/t1"),
                        tuple("third-party-without-commitment", "thirdParties/host"),
                        tuple("category-without-retention", "piCategories/health"),
                        tuple("sensitive-without-express-consent", "processingActivities/claims"),
                        tuple("secondary-purpose-without-consent", "processingActivities/feedback"),
                        tuple("system-without-pia", "systems/crm"),
                        tuple("processing-without-purpose", "processingActivities/misc"),
                        tuple("access-beyond-need", "accessRoles/analyst"));
    }

    @Test
    void aCommitmentIsCurrentUntilItsLastDayAndAGapTheDayAfter() {
        var lastDay = LocalDate.parse("2027-06-30");
        assertThat(check(CLEAN, lastDay, InventoryProperties.defaults()))
                .extracting(f -> f.rule().id())
                .containsExactly("commitment-expiring");
        assertThat(check(CLEAN, lastDay.plusDays(1), InventoryProperties.defaults()))
                .extracting(f -> f.rule().id())
                .containsExactly("third-party-without-commitment");
    }

    @Test
    void aCommitmentEndingWithinSixtyDaysIsReportedSoItCanBeRenewedInTime() {
        var end = LocalDate.parse("2027-06-30");
        assertThat(check(CLEAN, end.minusDays(61), InventoryProperties.defaults()))
                .isEmpty();
        assertThat(check(CLEAN, end.minusDays(60), InventoryProperties.defaults()))
                .extracting(f -> f.rule().id(), Finding::object)
                .containsExactly(tuple("commitment-expiring", "thirdParties/host"));
    }

    @Test
    void aCommitmentSignedInTheFutureIsNotYetCurrent() {
        assertThat(check(CLEAN, LocalDate.parse("2023-12-31"), InventoryProperties.defaults()))
                .extracting(f -> f.rule().id())
                .containsExactly("third-party-without-commitment");
    }

    @Test
    void systemsIntroducedBeforeTheConfiguredDateNeedNoPia() {
        var noPia = CLEAN.replace("    piaReference: PIA-1\n", "");
        var later = new InventoryProperties(LocalDate.parse("2024-06-01"), List.of(), null, null);
        assertThat(check(noPia, TODAY, later)).isEmpty();
        assertThat(check(noPia, TODAY, InventoryProperties.defaults()))
                .extracting(Finding::object)
                .containsExactly("systems/crm");
    }

    @Test
    void anExceptionOfSection12AllowsASecondaryPurposeWithoutConsent() {
        var fraud = BROKEN.replace("- {id: contract, kind: contract", "- {id: contract, kind: fraud-prevention");
        assertThat(check(fraud, TODAY, InventoryProperties.defaults()))
                .extracting(f -> f.rule().id())
                .doesNotContain("secondary-purpose-without-consent");
    }

    @Test
    void explainsEachGapInFrenchByDefaultAndInEnglishWithItsLegalReference() {
        var messages = Bundles.messages();
        var clock = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneId.of("America/Toronto"));
        var settings = new InventoryProperties(
                LocalDate.parse("2023-09-22"),
                List.of("fraud-prevention"),
                null,
                Map.of("access-beyond-need", "P-39.1, s. 20"));
        var report = new GapReport(
                null,
                settings,
                messages,
                clock,
                null,
                null,
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(PiaCoverage.class),
                java.util.List.of());
        var map = Inventory.parse(BROKEN);

        var french = report.gaps(map, Locale.FRENCH);
        var english = report.gaps(map, Locale.ENGLISH);

        assertThat(french)
                .hasSize(8)
                .allSatisfy(g -> assertThat(g.legalReference()).startsWith("P-39.1"));
        assertThat(french)
                .filteredOn(g -> g.rule().equals("transfer-without-approved-pia"))
                .singleElement()
                .satisfies(g -> {
                    assertThat(g.severity()).isEqualTo("high");
                    assertThat(g.legalReference()).isEqualTo("P-39.1, s. 17");
                    assertThat(g.explanation())
                            .contains("à « Host » (États-Unis) hors du Québec")
                            .doesNotContain("t1");
                });
        assertThat(english)
                .filteredOn(g -> g.rule().equals("access-beyond-need"))
                .singleElement()
                .satisfies(g -> {
                    assertThat(g.legalReference()).isEqualTo("P-39.1, s. 20");
                    // objects by their names, not by their paths in the YAML
                    assertThat(g.explanation())
                            .contains("“Analyst”")
                            .contains("“Health”")
                            .doesNotContain("accessRoles/");
                    assertThat(g.explanations().fr()).contains("n’a besoin");
                });
    }

    static List<Finding> check(String yaml, LocalDate today, InventoryProperties settings) {
        return GapRules.check(Inventory.parse(yaml), today, settings);
    }
}
