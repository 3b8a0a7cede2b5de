package ca.gardien.connectors;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * @param taskRecordLimit the most exported rows put into a request task; a larger export is left to staff. A row makes
 *     up to two records and a task keeps at most {@code TaskFindings.MAX_RECORDS} (20,000): above 10,000, an export
 *     with more records than that is left to staff too
 * @param jdbc which database products and URL properties a JDBC connector may use (docs/connectors-security.md)
 * @param outbound which addresses a webhook connector may call besides public ones (docs/connectors-security.md)
 */
@ConfigurationProperties("gardien.connectors")
public record ConnectorsProperties(
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
        @DefaultValue("10000") int taskRecordLimit,
        @DefaultValue Jdbc jdbc,
        @DefaultValue Outbound outbound) {

    /**
     * @param h2Enabled whether H2 URLs (in-memory, file or H2 server) may be registered: for tests and demonstrations
     *     only, as an embedded database runs inside Gardien's own process
     * @param products database products the operator adds, or built-in ones ({@code postgresql}, {@code mariadb},
     *     {@code mysql}) whose allowed properties it extends, by name
     * @param allow networks (CIDR) and host names a JDBC connector may connect to; empty by default, which allows any
     *     host but Gardien's own database. Set it to keep connectors, and their connection tests, to the databases the
     *     organization meant (docs/connectors-security.md)
     */
    public record Jdbc(@DefaultValue("false") boolean h2Enabled, Map<String, Product> products, List<String> allow) {

        public Jdbc {
            products = products == null ? Map.of() : Map.copyOf(products);
            allow = allow == null ? List.of() : List.copyOf(allow);
        }
    }

    /**
     * A database product an operator allows.
     *
     * @param urlPrefix the URL prefix that selects it, e.g. {@code jdbc:sqlserver:} (ignored for a built-in product)
     * @param syntax {@code QUERY} ({@code //host:port/database?name=value&...}) or {@code SEMICOLON}
     *     ({@code //host:port[/database];name=value;...})
     * @param defaultPort the port assumed when a URL names none (to recognize Gardien's own database)
     * @param allowedProperties the URL property names accepted, compared without regard to ASCII case
     */
    public record Product(String urlPrefix, Syntax syntax, Integer defaultPort, List<String> allowedProperties) {

        public Product {
            syntax = syntax == null ? Syntax.QUERY : syntax;
            defaultPort = defaultPort == null ? 0 : defaultPort;
            allowedProperties = allowedProperties == null ? List.of() : List.copyOf(allowedProperties);
        }
    }

    /** How an operator's product writes its URL after the prefix. */
    public enum Syntax {
        QUERY,
        SEMICOLON
    }

    /**
     * @param allow networks (CIDR, e.g. {@code 10.20.0.0/16}) and host names a webhook may call although they are not
     *     public; empty by default
     */
    public record Outbound(List<String> allow) {

        public Outbound {
            allow = allow == null ? List.of() : List.copyOf(allow);
        }
    }
}
