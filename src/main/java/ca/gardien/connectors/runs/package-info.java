/**
 * Run records and their life cycle: storage ({@link ca.gardien.connectors.runs.RunStore}, the collected keys in
 * {@link ca.gardien.connectors.runs.RunKeyStore}, package deletion marks in
 * {@link ca.gardien.connectors.runs.RunPackageMarks}), leases fenced by owner and generation
 * ({@link ca.gardien.connectors.runs.LeaseKeeper} renews them), resumption, retries, outcomes and the run API.
 */
package ca.gardien.connectors.runs;
