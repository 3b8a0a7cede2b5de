/** Outgoing messages (email, SMS, internal notices): stored in an outbox, then sent through SMTP when configured. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Mail",
        allowedDependencies = {"ledger", "ledger :: *", "organization :: views", "shared"})
package ca.gardien.mail;
