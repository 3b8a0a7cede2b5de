/**
 * The web console of the person in charge, delegates, staff and auditors; owns no tables. It renders the read models
 * that modules publish in their {@code views} named interface and calls the services of their {@code actions} named
 * interface, nothing else ({@code ConsoleArchitectureTest}).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "assessments :: views",
            "assessments :: actions",
            "retention :: views",
            "retention :: actions",
            "complaints :: views",
            "complaints :: actions",
            "connectors :: views",
            "connectors :: actions",
            "consent :: views",
            "consent :: actions",
            "incidents :: views",
            "incidents :: actions",
            "inventory :: views",
            "inventory :: actions",
            "ledger :: views",
            "mail :: views",
            "mail :: actions",
            "organization :: views",
            "organization :: actions",
            "requests :: views",
            "requests :: actions",
            "shared"
        })
package ca.gardien.console;
