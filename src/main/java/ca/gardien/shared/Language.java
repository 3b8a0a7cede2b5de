package ca.gardien.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The two languages Gardien speaks: French, the default (Charter of the French language), and English. Text comes
 * from the message bundles by {@link #locale()}; this type only says which language a request, an account or a stored
 * record is in, and picks the column of data that a person entered in both languages. Anything else falls back to
 * French.
 */
public enum Language {
    FRENCH(Locale.CANADA_FRENCH),
    ENGLISH(Locale.CANADA);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** The locale to ask the message bundles with. */
    public Locale locale() {
        return locale;
    }

    /** The ISO 639 code stored and sent in {@code lang} parameters ({@code fr}, {@code en}). */
    public String code() {
        return locale.getLanguage();
    }

    /** The language of a code ({@code fr}, {@code en}), if Gardien speaks it. */
    public static Optional<Language> byCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code().equals(code)).findFirst();
    }

    /** The language of a locale, French when Gardien does not speak it or there is none. */
    public static Language of(Locale locale) {
        return locale == null ? FRENCH : byCode(locale.getLanguage()).orElse(FRENCH);
    }

    /** Of a value held in both languages, the one in this language, French when there is no English value. */
    public String pick(String french, String english) {
        return this == ENGLISH && english != null ? english : french;
    }
}
