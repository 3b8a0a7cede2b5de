/** Connectors operated by staff: each run becomes a task closed by hand. */
package ca.gardien.connectors.manual;
