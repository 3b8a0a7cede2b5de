package ca.gardien.opencompliance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the OpenCompliance endpoints ({@code gardien.opencompliance.*}).
 *
 * @param processorDomain the domain sent in {@code X-OpenCompliance-Processor-Domain} and written in the certificate
 * @param keyDirectory where the ECDSA P-256 signing key and its certificate live (shared by all nodes)
 * @param defaultRegulation the regulation assumed when a request names none ({@code gdpr}, {@code ccpa}, {@code law25})
 * @param retention when what is kept of a submission is destroyed
 */
@ConfigurationProperties("gardien.opencompliance")
record OpenComplianceProperties(
        @DefaultValue("localhost") String processorDomain,
        Path keyDirectory,
        @DefaultValue("gdpr") String defaultRegulation,
        @DefaultValue Callbacks callbacks,
        @DefaultValue Retention retention) {

    /**
     * A submission and its callbacks are destroyed once their rights request was purged at the end of its retention
     * period ({@code gardien.requests.retention}) and every callback was delivered or abandoned.
     *
     * @param sweepEvery how often each node looks for submissions whose request was purged
     */
    record Retention(@DefaultValue("1h") Duration sweepEvery) {}

    /**
     * @param firstRetryAfter the wait after the first failure; it doubles after each further failure
     * @param maxAttempts attempts before a callback is abandoned (and the failure recorded in the ledger)
     * @param timeout connect and response time limit of one attempt
     * @param schemes URL schemes accepted in {@code status_callback_urls}
     * @param allow networks (CIDR, e.g. {@code 10.20.0.0/16}) and host names that callbacks may reach although they
     *     are not public; empty by default (docs/connectors-security.md)
     */
    record Callbacks(
            @DefaultValue("30s") Duration firstRetryAfter,
            @DefaultValue("8") int maxAttempts,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue("https") List<String> schemes,
            List<String> allow) {

        Callbacks {
            allow = allow == null ? List.of() : List.copyOf(allow);
        }
    }
}
