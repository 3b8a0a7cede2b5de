/** The organization profile, its person in charge, local accounts, roles and API tokens, and who may do what. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"ledger", "ledger :: *", "shared"})
package ca.gardien.organization;
