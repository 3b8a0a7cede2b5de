package ca.gardien.inventory;

import ca.gardien.shared.Language;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * Jurisdiction codes in words: {@code US} is "États-Unis" in French and "United States" in English (the JDK's country
 * names), and a Canadian province or territory ({@code CA-ON}) is its name followed by the country's.
 */
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
