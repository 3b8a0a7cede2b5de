package ca.gardien.incidents;

import ca.gardien.shared.Language;
import java.util.List;
import java.util.Locale;

/**
 * A notice as the console previews it: its title, the entry's reference line and each field with its value, a value
 * of several parts (the factors of the risk assessment, the measures) one part a line; {@code language} is the notice's
 * own (fr or en), which may differ from the reader's.
 */
@org.springframework.modulith.NamedInterface("views")
public record NoticeView(String title, String reference, String language, List<Field> fields) {

    /**
     * Whether the texts typed for the entry (its circumstances, the information concerned, the measures, the advice to
     * the persons) appear under headings of another language: Gardien keeps them in the one language they were typed
     * in, French as the organization writes them, so an English notice shows them as typed (officer review).
     */
    public boolean typedTextsInTheirOwnLanguage() {
        return Language.of(language == null ? null : Locale.forLanguageTag(language)) != TYPED_IN;
    }

    /** The language the officer types an incident's texts in: the organization's, the bundles' default. */
    private static final Language TYPED_IN = Language.FRENCH;

    /** One field of the notice: its name and its value's lines. */
    public record Field(String label, List<String> lines) {}
}
