package ca.gardien.portal;

import java.util.Locale;

/**
 * The answer's language on a public form whose page language was switched: it follows the page unless the person chose
 * it (officer's review: a complaint form opened in English, switched to French and filled in French kept "English" as
 * the answer's language, and the acknowledgement went out in English). The form carries the language it was shown in
 * ({@code shownIn}); an answer language equal to it is the page's default, not a choice.
 */
final class AnswerLanguage {

    private AnswerLanguage() {}

    /** The answer's language once the page is shown in {@code now}, from the one sent and the page's before. */
    static String after(String sent, String shownIn, Locale now) {
        return sent == null || sent.isBlank() || sent.equals(shownIn) ? now.getLanguage() : sent;
    }
}
