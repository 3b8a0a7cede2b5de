/** The database run engine: the reference graph, the walk that collects a person's rows, plans and checkpointed steps. */
package ca.gardien.connectors.engine;
