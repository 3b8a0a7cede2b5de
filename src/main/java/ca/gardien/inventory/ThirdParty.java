package ca.gardien.inventory;

import ca.gardien.shared.Language;
import java.util.List;
import java.util.Locale;

/**
 * A service provider, authority or partner that receives information, with the written confidentiality commitment that
 * s. 18.3 requires of a service provider. {@code name} and {@code location} are in French; {@code nameEn} and
 * {@code locationEn}, when given, are their English forms for the English notice.
 */
public record ThirdParty(
        String id,
        String name,
        String kind,
        String location,
        String jurisdiction,
        Commitment commitment,
        String nameEn,
        String locationEn)
        implements DataMap.Item {

    /** The name in this language: the English form when there is one, else the name as written. */
    public String name(Locale locale) {
        return Language.of(locale).pick(name, present(nameEn) ? nameEn : name);
    }

    /**
     * Where it is, in this language: the English form when there is one; in English without one, the name of the
     * jurisdiction's place (e.g. "United States" for {@code US}) rather than a French place name; else as written.
     */
    public String location(Locale locale) {
        var place = Places.country(jurisdiction, locale);
        var french = present(location) ? location : place;
        var english = present(locationEn) ? locationEn : place != null ? place : location;
        return Language.of(locale).pick(french, english);
    }

    private static boolean present(String value) {
        return !ca.gardien.shared.PlainText.saysNothing(value);
    }

    static final String AUTHORITY = "authority";
    static final List<String> KINDS = List.of("service-provider", AUTHORITY, "partner");

    /** Dates are ISO-8601; a commitment without {@code expiresOn} does not expire. */
    public record Commitment(String reference, String signedOn, String expiresOn) {}
}
