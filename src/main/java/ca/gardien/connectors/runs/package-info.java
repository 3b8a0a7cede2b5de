/** Run records and their life cycle: storage, leases and resumption, retries, outcomes and the run API. */
package ca.gardien.connectors.runs;
