/**
 * Retention and destruction (P-39.1 s. 23): the data map's retention rules swept in the organization's own databases
 * through the connectors — dry runs first, approval by the officer, legal holds, resumable sweeps fenced by leases, and
 * a destruction certificate for every real run, as a ledger fact and a PDF.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Retention",
        allowedDependencies = {
            "connectors",
            "connectors :: views",
            "connectors :: actions",
            "complaints :: views",
            "complaints :: actions",
            "incidents :: views",
            "incidents :: actions",
            "inventory",
            "inventory :: *",
            "ledger",
            "organization",
            "organization :: *",
            "shared"
        })
package ca.gardien.retention;
