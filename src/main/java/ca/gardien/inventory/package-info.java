/**
 * The data map: what personal information is held about whom, why, on what basis, where, shared with whom and kept how
 * long, kept as code (YAML) and checked against the Act's rules.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"ledger", "ledger :: *", "organization", "organization :: *", "shared"})
package ca.gardien.inventory;
