package ca.gardien.inventory;

import ca.gardien.shared.Language;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Jurisdiction codes in words: {@code US} is "États-Unis" in French and "United States" in English (the JDK's country
 * names), and a Canadian province or territory ({@code CA-ON}) is its name followed by the country's.
 */
@org.springframework.modulith.NamedInterface("views")
public final class Places {

    private Places() {}

    /**
     * The place's name in this language, or the code as written when it names no country (null stays null); a
     * Canadian province or territory is named from the bundles ({@code place.CA-ON}).
     *
     * @param code an ISO 3166-1 alpha-2 country code, optionally followed by {@code -} and a subdivision
     */
    public static String name(String code, Locale locale, MessageSource messages) {
        var country = country(code, locale);
        if (country == null || country.equals(code) || code.length() == 2) {
            return country;
        }
        var province = messages.getMessage("place." + code, null, null, locale);
        return province == null ? country : province + " (" + country + ")";
    }

    /**
     * Whether a text already names the place, in French or English, accents and case aside: a Canadian province's or
     * territory's name ({@code CA-QC} in « Québec (Québec) »), else the country's ({@code US} in « Virginie
     * (États-Unis) »), so that a text that names it is not followed by its name again.
     */
    public static boolean namedIn(String text, String code, MessageSource messages) {
        if (text == null || code == null) {
            return false;
        }
        for (var language : Language.values()) {
            var locale = language.locale();
            var province = code.length() > 2 ? messages.getMessage("place." + code, null, null, locale) : null;
            var name = province != null ? province : country(code, locale);
            if (name != null && !name.equals(code) && plain(text).contains(plain(name))) {
                return true;
            }
        }
        return false;
    }

    /** Canada's provinces and territories, by their ISO 3166-2 codes. */
    private static final java.util.List<String> PROVINCES = java.util.List.of(
            "CA-AB", "CA-BC", "CA-MB", "CA-NB", "CA-NL", "CA-NS", "CA-NT", "CA-NU", "CA-ON", "CA-PE", "CA-QC", "CA-SK",
            "CA-YT");

    /**
     * Every place a form offers, by code, in words in this language: Canada's provinces and territories first, then
     * every country, each group in the order of its names (a form chooses a place instead of typing its code).
     */
    public static java.util.Map<String, String> choices(Locale locale, MessageSource messages) {
        var collator = java.text.Collator.getInstance(locale);
        var out = new java.util.LinkedHashMap<String, String>();
        PROVINCES.stream()
                .map(code -> java.util.Map.entry(code, name(code, locale, messages)))
                .sorted(java.util.Map.Entry.comparingByValue(collator))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        java.util.Arrays.stream(Locale.getISOCountries())
                .map(code -> java.util.Map.entry(code, name(code, locale, messages)))
                .filter(e -> !e.getValue().equals(e.getKey()))
                .sorted(java.util.Map.Entry.comparingByValue(collator))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String plain(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    /** The country's name in this language (the JDK's), or the code as written when it names no country. */
    static String country(String code, Locale locale) {
        if (code == null || !code.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
            return code;
        }
        var country = code.substring(0, 2);
        var name = Locale.of("", country).getDisplayCountry(Locale.of(locale.getLanguage()));
        return name.isBlank() || name.equals(country) ? code : name;
    }
}
