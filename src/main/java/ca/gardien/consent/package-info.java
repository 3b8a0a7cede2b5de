/** Consent and preference records (append-only history), the consent decision API and its in-memory index. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Consent",
        allowedDependencies = {"inventory", "ledger", "organization", "shared"})
package ca.gardien.consent;
