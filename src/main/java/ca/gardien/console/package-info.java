/** The web console of the person in charge, delegates, staff and auditors; owns no tables and calls module APIs. */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "connectors",
            "consent",
            "inventory",
            "ledger",
            "mail",
            "mail :: views",
            "organization",
            "requests",
            "shared"
        })
package ca.gardien.console;
