package ca.gardien.inventory;

import ca.gardien.shared.Language;
import java.util.Locale;

/** A text in both official languages of the map: French (the default) and English. */
public record Text(String fr, String en) {

    public String in(Locale locale) {
        return Language.of(locale).pick(fr, en);
    }

    boolean complete() {
        return !ca.gardien.shared.PlainText.saysNothing(fr) && !ca.gardien.shared.PlainText.saysNothing(en);
    }
}
