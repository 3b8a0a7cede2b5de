/**
 * Complaints about the protection of personal information (Law 25 s. 3.2): one confidential file per complaint, the
 * 30-day clock that stops on a request for additional information and restarts from its receipt (moved past
 * non-working days with the rights requests' calendar), the delay notice, and the reasoned answer with the recourse to
 * the Commission d'accès à l'information. A complaint may concern a rights request or an incident; each shows on the
 * other's page.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Complaints",
        allowedDependencies = {
            "incidents",
            "incidents :: *",
            "ledger",
            "ledger :: *",
            "mail",
            "mail :: *",
            "organization",
            "organization :: *",
            "requests",
            "requests :: *",
            "shared"
        })
package ca.gardien.complaints;
