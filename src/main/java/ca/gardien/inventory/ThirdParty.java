package ca.gardien.inventory;

import java.util.List;

/**
 * A service provider, authority or partner that receives information, with the written confidentiality commitment that
 * s. 18.3 requires of a service provider.
 */
public record ThirdParty(
        String id, String name, String kind, String location, String jurisdiction, Commitment commitment)
        implements DataMap.Item {

    static final String AUTHORITY = "authority";
    static final List<String> KINDS = List.of("service-provider", AUTHORITY, "partner");

    /** Dates are ISO-8601; a commitment without {@code expiresOn} does not expire. */
    public record Commitment(String reference, String signedOn, String expiresOn) {}
}
