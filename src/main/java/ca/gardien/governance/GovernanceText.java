package ca.gardien.governance;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.PlainText;
import java.util.List;

/**
 * The texts the governance forms and API take: one line (a name, a title, a heading, an email) or a text box's
 * paragraphs, each refused naming its field when it holds what a person would not see as it is stored (attacker's
 * reviews: a heading or an email with a line end forged lines of the published policy and of mail).
 */
final class GovernanceText {

    private GovernanceText() {}

    /** A one-line text: no line end either. */
    static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        checked(errors, field, value, max, required, false);
    }

    /**
     * A text box's text (several lines): {@link #text} where a line end may be the CR LF a browser sends or an LF, and
     * no other control character (a lone CR neither); its length counted with each line end one character, as the box
     * counts it. Returns the text as it is stored (its lines ending in LF), for the caller to keep.
     */
    static String prose(List<FieldError> errors, String field, String value, int max, boolean required) {
        var stored = lines(value);
        checked(errors, field, stored, max, required, true);
        return stored;
    }

    private static void checked(
            List<FieldError> errors, String field, String value, int max, boolean required, boolean lines) {
        if (PlainText.saysNothing(value) && !PlainText.hidesSomething(value, lines)) {
            if (required) {
                errors.add(FieldError.of(field, "governance.field.required"));
            }
        } else if (value.length() > max || PlainText.hidesSomething(value, lines)) {
            errors.add(FieldError.of(field, "governance.field.text", max));
        }
    }

    /** A text box's lines as stored: the browser's CR LF one LF. */
    private static String lines(String text) {
        return text == null ? null : text.replace("\r\n", "\n");
    }
}
