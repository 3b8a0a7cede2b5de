/**
 * Confidentiality incidents (P-39.1 ss. 3.5–3.8): the register with every field of s. 7 of the Regulation respecting
 * confidentiality incidents, the risk-of-serious-injury assessment guided by the factors of s. 3.7, the notices to the
 * Commission d'accès à l'information and to the persons concerned, the "promptly" clock and the five-year keeping.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Incidents",
        allowedDependencies = {
            "connectors",
            "ledger",
            "inventory",
            "inventory :: *",
            "mail",
            "mail :: views",
            "organization",
            "organization :: *",
            "shared"
        })
package ca.gardien.incidents;
