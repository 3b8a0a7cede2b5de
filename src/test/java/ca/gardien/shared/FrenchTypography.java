package ca.gardien.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The house rules of French typography, one place for every French text a test checks: the message bundles
 * ({@code MessageBundlesTest}) and the assessment questionnaires ({@code assessments.TemplateTypographyTest}).
 */
public final class FrenchTypography {

    /**
     * A typewriter apostrophe between letters: French text writes the typographic one, « l’état » (officer's walk of
     * 2026-12-05: a page that mixed them read as unedited).
     */
    public static final Pattern TYPEWRITER_APOSTROPHE = Pattern.compile("\\p{L}'+\\p{L}");

    /**
     * « ; », « ? » or « ! » after a word with an ordinary space, a no-break one or none, before a space, the end, or the
     * end of a choice ({@code {0,choice,1#… trouvée ?|1<…}}): French puts a narrow no-break space there.
     */
    public static final Pattern TALL_PUNCTUATION_WITHOUT_NARROW_SPACE =
            Pattern.compile("(?<=[\\p{L}\\p{N})»’}])[ \\u00a0]?[;?!](?=\\s|$|\\||\\})");

    /**
     * « : » after a word and a space a line may break at (or a no-break one that is not narrow): a colon right after a
     * word is code ({@code phone:}).
     */
    public static final Pattern COLON_AFTER_A_WIDE_SPACE =
            Pattern.compile("(?<=[\\p{L}\\p{N})»’}])[ \\u00a0]:(?=\\s|$|\\{|«)");

    /** Guillemets not held by a narrow no-break space, « ainsi ». */
    public static final Pattern GUILLEMETS_WITHOUT_NARROW_SPACE = Pattern.compile("«(?!\\u202F)|(?<!\\u202F)»");

    private FrenchTypography() {}

    /** The rules a French text breaks, by name; none when it is set as the house sets French. */
    public static List<String> faults(String text) {
        var faults = new ArrayList<String>();
        if (text == null) {
            return faults;
        }
        if (TYPEWRITER_APOSTROPHE.matcher(text).find()) {
            faults.add("typewriter apostrophe");
        }
        if (TALL_PUNCTUATION_WITHOUT_NARROW_SPACE.matcher(text).find()) {
            faults.add("no narrow no-break space before ; ? !");
        }
        if (COLON_AFTER_A_WIDE_SPACE.matcher(text).find()) {
            faults.add("a line may break before :");
        }
        if (GUILLEMETS_WITHOUT_NARROW_SPACE.matcher(text).find()) {
            faults.add("guillemets without narrow no-break spaces");
        }
        return faults;
    }
}
