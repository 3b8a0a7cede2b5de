package ca.gardien.inventory;

import java.util.Locale;

/** A text in both official languages of the map: French (the default) and English. */
public record Text(String fr, String en) {

    public String in(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) && en != null ? en : fr;
    }

    boolean complete() {
        return fr != null && !fr.isBlank() && en != null && !en.isBlank();
    }
}
