/**
 * Governance of personal information (P-39.1 ss. 3.1, 3.2, 8.2): the policy documents, versioned in French and English
 * with their variables filled from the organization profile, the data map and the legal deadlines; their review,
 * approval by the person in charge (or the recorded substitute while the person in charge is absent) and publication at
 * a stable public address; and the written record of who acts as person in charge.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Governance",
        allowedDependencies = {
            "complaints",
            "complaints :: *",
            "inventory",
            "inventory :: *",
            "ledger",
            "mail",
            "mail :: *",
            "organization",
            "organization :: *",
            "shared"
        })
package ca.gardien.governance;
