/** The web console of the person in charge, delegates, staff and auditors; owns no tables and calls module APIs. */
package ca.gardien.console;
