package ca.gardien.shared;

import java.util.List;

/**
 * The one check of a text a person typed into a form or an API body before it is kept and shown: one line (a name, a
 * title, an owner) or a text box's paragraphs (a reason, a note). In that order, naming the field: refused when it
 * hides something ({@link PlainText}: control characters, invisible marks, a line end in a line, a lone CR in
 * paragraphs); absent when it says nothing a person could read (blank, or only no-break or zero-width spaces: refused
 * when required); refused when longer than allowed. What is kept is stripped, a text box's CR LF one LF.
 *
 * <p>Each module words its refusals with its own keys ({@link #SHARED}'s are fragments that follow a field's label;
 * governance's and the incidents' whole sentences), the check is the same everywhere.
 *
 * @param required the key of "required"
 * @param tooLong the key of "too long", given the most characters allowed
 * @param hides the key of "holds what a reader would not see", given the most characters allowed
 */
public record TypedText(String required, String tooLong, String hides) {

    /** The shared wording: "is required", "must be at most {0} characters", "must not hold control characters…". */
    public static final TypedText SHARED =
            new TypedText("shared.field.required", "shared.field.too-long", "shared.field.control-characters");

    /** A one-line text as kept: stripped, null when it says nothing; refusals added to {@code errors}. */
    public String line(List<FieldError> errors, String field, String value, int max, boolean isRequired) {
        return checked(errors, field, value, max, isRequired, PlainText.hidesSomething(value, false));
    }

    /**
     * A text box's text as kept: its line ends the CR LF a browser sends or LF (kept as LF, the length counting each
     * one character, as the box counts it), stripped, null when it says nothing; refusals added to {@code errors}.
     */
    public String prose(List<FieldError> errors, String field, String value, int max, boolean isRequired) {
        var hides = PlainText.hidesSomethingInProse(value);
        return checked(errors, field, value == null ? null : value.replace("\r\n", "\n"), max, isRequired, hides);
    }

    /** {@link #line}, refused at once. */
    public String line(String field, String value, int max, boolean isRequired) {
        return thrown(field, value, max, isRequired, false);
    }

    /** {@link #prose}, refused at once. */
    public String prose(String field, String value, int max, boolean isRequired) {
        return thrown(field, value, max, isRequired, true);
    }

    private String thrown(String field, String value, int max, boolean isRequired, boolean paragraphs) {
        var errors = new java.util.ArrayList<FieldError>();
        var kept =
                paragraphs ? prose(errors, field, value, max, isRequired) : line(errors, field, value, max, isRequired);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return kept;
    }

    private String checked(
            List<FieldError> errors, String field, String value, int max, boolean isRequired, boolean hidesSomething) {
        if (hidesSomething) {
            errors.add(FieldError.of(field, hides, max));
            return null;
        }
        if (PlainText.saysNothing(value)) {
            if (isRequired) {
                errors.add(FieldError.of(field, required));
            }
            return null;
        }
        var kept = value.strip();
        if (kept.length() > max) {
            errors.add(FieldError.of(field, tooLong, max));
            return null;
        }
        return kept;
    }
}
