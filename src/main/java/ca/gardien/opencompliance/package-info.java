/**
 * OpenCompliance v1.0 (formerly OpenGDPR) processor endpoints through which other systems submit rights requests and
 * follow them, with signed responses and signed, retried status callbacks.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "OpenCompliance",
        allowedDependencies = {
            "ledger",
            "ledger :: *",
            "organization",
            "organization :: *",
            "requests",
            "requests :: *",
            "shared"
        })
package ca.gardien.opencompliance;
