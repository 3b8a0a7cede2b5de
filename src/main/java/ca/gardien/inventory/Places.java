package ca.gardien.inventory;

import java.util.Locale;
import java.util.Map;

/**
 * Jurisdiction codes in words: {@code US} is "États-Unis" in French and "United States" in English (the JDK's country
 * names), and a Canadian province or territory ({@code CA-ON}) is its name followed by the country's.
 */
final class Places {

    private static final Map<String, String[]> PROVINCES = Map.ofEntries(
            Map.entry("AB", new String[] {"Alberta", "Alberta"}),
            Map.entry("BC", new String[] {"Colombie-Britannique", "British Columbia"}),
            Map.entry("MB", new String[] {"Manitoba", "Manitoba"}),
            Map.entry("NB", new String[] {"Nouveau-Brunswick", "New Brunswick"}),
            Map.entry("NL", new String[] {"Terre-Neuve-et-Labrador", "Newfoundland and Labrador"}),
            Map.entry("NS", new String[] {"Nouvelle-Écosse", "Nova Scotia"}),
            Map.entry("NT", new String[] {"Territoires du Nord-Ouest", "Northwest Territories"}),
            Map.entry("NU", new String[] {"Nunavut", "Nunavut"}),
            Map.entry("ON", new String[] {"Ontario", "Ontario"}),
            Map.entry("PE", new String[] {"Île-du-Prince-Édouard", "Prince Edward Island"}),
            Map.entry("QC", new String[] {"Québec", "Quebec"}),
            Map.entry("SK", new String[] {"Saskatchewan", "Saskatchewan"}),
            Map.entry("YT", new String[] {"Yukon", "Yukon"}));

    private Places() {}

    /**
     * The place's name in this language, or the code as written when it names no country (null stays null).
     *
     * @param code an ISO 3166-1 alpha-2 country code, optionally followed by {@code -} and a subdivision
     */
    static String name(String code, Locale locale) {
        if (code == null || !code.matches("[A-Z]{2}(-[A-Z0-9]{1,3})?")) {
            return code;
        }
        var language = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.FRENCH;
        var country = code.substring(0, 2);
        var countryName = Locale.of("", country).getDisplayCountry(language);
        if (countryName.isBlank() || countryName.equals(country)) {
            return code;
        }
        if (code.length() == 2) {
            return countryName;
        }
        var province = "CA".equals(country) ? PROVINCES.get(code.substring(3)) : null;
        return province == null ? countryName : province[language == Locale.ENGLISH ? 1 : 0] + " (" + countryName + ")";
    }
}
