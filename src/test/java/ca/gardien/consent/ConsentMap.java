package ca.gardien.consent;

/** A small data map for the consent tests: one purpose of each kind the rules tell apart. */
final class ConsentMap {

    private ConsentMap() {}

    /** Records, through the API, the person's express consent to the newsletter given on a web form. */
    static void grantNewsletter(org.springframework.test.web.servlet.MockMvc mvc, String bearer, String email)
            throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/consents")
                        .header("Authorization", bearer)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("""
                                {"subject": {"email": "%s"}, "purpose": "newsletter", "state": "GRANTED",
                                 "kind": "EXPRESS", "channel": "WEB_FORM"}""".formatted(email)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isCreated());
    }

    static final String YAML = """
            subjectCategories:
              - id: customer
                name: {fr: Clients, en: Customers}
            piCategories:
              - id: contact
                name: {fr: Coordonnées, en: Contact information}
              - id: health
                name: {fr: Santé, en: Health}
                sensitive: true
            purposes:
              - id: service
                name: {fr: Service, en: Service}
                kind: primary
                implicitConsentAllowed: true
                iabPurposes: [1]
              - id: newsletter
                name: {fr: Infolettre, en: Newsletter}
                kind: primary
                implicitConsentAllowed: false
              - id: care
                name: {fr: Soins, en: Care}
                kind: primary
                implicitConsentAllowed: true
              - id: statistics
                name: {fr: Statistiques, en: Statistics}
                description: {fr: Mesure d'audience du site, en: Site audience measurement}
                kind: secondary
                implicitConsentAllowed: true
                cookieCategory: statistics
                iabPurposes: [8, 9]
              - id: ads
                name: {fr: Publicité ciblée, en: Targeted advertising}
                kind: secondary
                implicitConsentAllowed: false
                cookieCategory: marketing
                iabPurposes: [2, 3, 4]
            legalBases:
              - id: consent
                kind: express-consent
                name: {fr: Consentement, en: Consent}
            processingActivities:
              - {id: a-service, name: {fr: A, en: A}, subjects: [customer], categories: [contact],
                 purposes: [service, newsletter, statistics, ads], legalBasis: consent, source: person}
              - {id: a-care, name: {fr: B, en: B}, subjects: [customer], categories: [contact, health],
                 purposes: [care], legalBasis: consent, source: person}
            """;
}
