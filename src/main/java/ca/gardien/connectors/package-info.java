/**
 * Reaches the organization's own databases and services to locate, export, rectify and erase a person's data, with
 * plans, checkpoints and evidence.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "inventory",
            "inventory :: *",
            "ledger",
            "ledger :: *",
            "organization",
            "organization :: *",
            "requests",
            "requests :: *",
            "shared"
        })
package ca.gardien.connectors;
