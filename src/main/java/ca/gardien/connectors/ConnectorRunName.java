package ca.gardien.connectors;

import java.time.Instant;

/** What names a run for a person: the connector it ran on and when it started (never its request or its rows). */
@org.springframework.modulith.NamedInterface("views")
public record ConnectorRunName(String connector, Instant startedAt) {}
