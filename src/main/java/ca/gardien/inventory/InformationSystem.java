package ca.gardien.inventory;

/**
 * A system that holds or processes information. {@code jurisdiction} is an ISO 3166 code such as {@code CA-QC} or
 * {@code US}; {@code introducedOn} is the date (ISO-8601) the system was introduced or last redesigned, which decides
 * whether s. 3.3 required a privacy impact assessment ({@code piaReference}).
 */
public record InformationSystem(
        String id,
        String name,
        String owner,
        String hostingLocation,
        String jurisdiction,
        boolean holdsPersonalInformation,
        String introducedOn,
        String piaReference)
        implements DataMap.Item {}
