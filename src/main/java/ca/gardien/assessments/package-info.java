/**
 * Privacy impact assessments (P-39.1 ss. 3.3, 3.4 and 17): started by the data map (a system added or redesigned, a
 * communication outside Québec, a research or statistics purpose) or by hand, answered on versioned questionnaires
 * pre-filled from the map, rated risk by risk with measures and their owners, consulted, reviewed and approved by the
 * person in charge; an approved assessment is frozen, its document digest is in the ledger and it clears its data-map
 * gap.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Assessments",
        allowedDependencies = {
            "ledger",
            "inventory",
            "inventory :: *",
            "mail",
            "organization",
            "organization :: *",
            "shared"
        })
package ca.gardien.assessments;
