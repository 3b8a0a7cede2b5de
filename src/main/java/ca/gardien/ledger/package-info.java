/** Append-only, hash-chained and signed evidence log in which every module records the facts a regulator may ask about. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package ca.gardien.ledger;
