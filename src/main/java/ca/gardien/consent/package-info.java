/** Consent and preference records (append-only history), the consent decision API and its in-memory index. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Consent",
        allowedDependencies = {
            "inventory",
            "inventory :: *",
            "ledger",
            "ledger :: *",
            "organization",
            "organization :: *",
            "shared"
        })
package ca.gardien.consent;
