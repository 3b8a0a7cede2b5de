package ca.gardien.connectors;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the connectors module.
 *
 * @param keyDirectory where {@code connectors.key} (AES-256 key for connector secrets) lives; all nodes need the same
 * @param packageDirectory where export packages are written as rows are read
 * @param batchSize keys per query and per erasure transaction on the target database
 * @param batchPause pause between erasure batches, to spare a busy production database
 * @param maxAttempts attempts of a failing batch before the run is marked failed
 * @param retryBackoff first wait after a failure; doubled at each attempt
 * @param lease how long a node owns a run without renewing it; a run whose lease expired is resumed by any node
 * @param resumeEvery how often a node looks for runs to resume
 * @param poolSize connections per connected database
 * @param connectTimeout how long to wait for a connection to a connected database
 * @param packageRetention how long an export package is kept after its run ended, then deleted
 * @param packageSweepEvery how often a node deletes the packages it holds that are past their retention
 * @param taskRecordLimit the most exported rows put into a request task; a larger export is left to staff
 */
@ConfigurationProperties("gardien.connectors")
record ConnectorsProperties(
        Path keyDirectory,
        Path packageDirectory,
        @DefaultValue("500") int batchSize,
        @DefaultValue("0ms") Duration batchPause,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("5s") Duration resumeEvery,
        @DefaultValue("4") int poolSize,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30d") Duration packageRetention,
        @DefaultValue("1h") Duration packageSweepEvery,
        @DefaultValue("10000") int taskRecordLimit) {}
