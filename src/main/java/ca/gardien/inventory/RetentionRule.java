package ca.gardien.inventory;

/**
 * How long information is kept (s. 23): an ISO-8601 {@code duration} counted from a {@code trigger} event, the legal
 * minimum and its source where a law imposes one, and what happens at the end ({@code destroy} or {@code anonymize}).
 */
public record RetentionRule(
        String id, Text name, String duration, String trigger, String legalMinimum, String legalSource, String disposal)
        implements DataMap.Item {}
