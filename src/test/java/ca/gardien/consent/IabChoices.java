package ca.gardien.consent;

import java.util.List;

/** The table of choices IabConformanceTest has IAB's own decoders read, with the IAB purposes each one means. */
final class IabChoices {

    private IabChoices() {}

    /** Distinct IAB purposes per Gardien purpose, so that each choice has its own expected purposes. */
    static final String MAP = """
            subjectCategories:
              - {id: visitor, name: {fr: Visiteurs, en: Visitors}}
            piCategories:
              - {id: usage, name: {fr: Navigation, en: Browsing}}
            purposes:
              - {id: service, name: {fr: Service, en: Service}, kind: primary, implicitConsentAllowed: true,
                 iabPurposes: [1]}
              - {id: measure, name: {fr: Mesure, en: Measure}, kind: primary, implicitConsentAllowed: true,
                 iabPurposes: [7, 10]}
              - {id: prefs, name: {fr: Préférences, en: Preferences}, kind: secondary, cookieCategory: preferences,
                 iabPurposes: [11]}
              - {id: statistics, name: {fr: Statistiques, en: Statistics}, kind: secondary,
                 cookieCategory: statistics, iabPurposes: [8, 9]}
              - {id: ads, name: {fr: Publicité, en: Advertising}, kind: secondary, cookieCategory: marketing,
                 iabPurposes: [2, 3, 4]}
            legalBases:
              - {id: consent, kind: express-consent, name: {fr: Consentement, en: Consent}}
            processingActivities:
              - {id: site, name: {fr: Site, en: Site}, subjects: [visitor], categories: [usage],
                 purposes: [service, measure, prefs, statistics, ads], legalBasis: consent, source: person}
            """;

    /**
     * A choice and what it means: {@code banner} the categories chosen on the banner (null: none), {@code api} consents
     * recorded through the API ({@code purpose:EXPRESS|IMPLICIT}); {@code express} the IAB purposes with express
     * consent (TCF and tcfcav1, less purpose 1 which TCF Canada does not use), {@code implied} with implied consent
     * (tcfcav1 only).
     */
    record Case(
            String name,
            String banner,
            boolean gpc,
            List<String> api,
            String language,
            List<Integer> express,
            List<Integer> implied) {}

    static final List<Case> CASES = List.of(
            new Case(
                    "accept all",
                    "{\"preferences\": true, \"statistics\": true, \"marketing\": true}",
                    false,
                    List.of(),
                    "fr",
                    List.of(2, 3, 4, 8, 9, 11),
                    List.of()),
            new Case(
                    "refuse all",
                    "{\"preferences\": false, \"statistics\": false, \"marketing\": false}",
                    false,
                    List.of(),
                    "en",
                    List.of(),
                    List.of()),
            new Case("preferences only", "{\"preferences\": true}", false, List.of(), "fr", List.of(11), List.of()),
            new Case(
                    "statistics only",
                    "{\"statistics\": true, \"marketing\": false}",
                    false,
                    List.of(),
                    "en",
                    List.of(8, 9),
                    List.of()),
            new Case(
                    "marketing only",
                    "{\"statistics\": false, \"marketing\": true}",
                    false,
                    List.of(),
                    "fr",
                    List.of(2, 3, 4),
                    List.of()),
            new Case(
                    "accept all under GPC",
                    "{\"preferences\": true, \"statistics\": true, \"marketing\": true}",
                    true,
                    List.of(),
                    "fr",
                    List.of(8, 9, 11),
                    List.of()),
            new Case("implied consent", null, false, List.of("measure:IMPLICIT"), "en", List.of(), List.of(7, 10)),
            new Case(
                    "express and implied consent",
                    "{\"statistics\": true}",
                    false,
                    List.of("measure:IMPLICIT"),
                    "fr",
                    List.of(8, 9),
                    List.of(7, 10)),
            new Case(
                    "express consent to purpose 1",
                    null,
                    false,
                    List.of("service:EXPRESS"),
                    "en",
                    List.of(1),
                    List.of()));
}
