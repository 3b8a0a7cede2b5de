/**
 * Rights requests (access, rectification, portability, de-indexation, …): intake, verification of every identifier,
 * the statutory clock of each jurisdiction, tasks, responses and one-time delivery.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Rights requests",
        allowedDependencies = {
            "inventory",
            "inventory :: *",
            "ledger",
            "ledger :: *",
            "mail",
            "mail :: *",
            "organization",
            "organization :: *",
            "shared"
        })
package ca.gardien.requests;
