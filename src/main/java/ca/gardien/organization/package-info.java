/** The organization profile, its person in charge, local accounts, roles and API tokens, and who may do what. */
package ca.gardien.organization;
