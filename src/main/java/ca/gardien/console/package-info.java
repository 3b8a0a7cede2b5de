/**
 * The web console of the person in charge, delegates, staff and auditors; owns no tables. It renders the read models
 * that modules publish in their {@code views} named interface and calls the services of their {@code actions} named
 * interface, nothing else ({@code ConsoleArchitectureTest}).
 */
package ca.gardien.console;
