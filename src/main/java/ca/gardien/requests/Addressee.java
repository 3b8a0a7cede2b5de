package ca.gardien.requests;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.PdfDocuments;
import ca.gardien.shared.PlainText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whom a paper answer is addressed to, as staff entered it from the person's letter or call: the person's name as it
 * should appear on the letter and a postal address of several lines ({@code {"name":"…","postalAddress":"…"}}). Both
 * are optional, sealed under the request's subject key like its identifiers and destroyed with it; shown only to those
 * who see the identifiers in clear.
 *
 * @param name the person's name as the letter shows it, at most {@value #MAX_NAME} characters on one line
 * @param postalAddress the lines of the address, separated by {@code \n}, at most {@value #MAX_POSTAL_ADDRESS}
 *     characters
 */
@org.springframework.modulith.NamedInterface("views")
public record Addressee(String name, String postalAddress) {

    public static final int MAX_NAME = 200;
    public static final int MAX_POSTAL_ADDRESS = 500;
    /** The lines an address may take (Canada Post: at most six, with the name; a few more for abroad). */
    public static final int MAX_LINES = 8;

    /** Values without a letter or digit are none ({@link PlainText#saysNothing}); the address's line ends are {@code \n}, each line without its trailing spaces. */
    public Addressee {
        name = PlainText.saysNothing(name) ? null : name.strip();
        postalAddress = PlainText.saysNothing(postalAddress)
                ? null
                : String.join(
                                "\n",
                                Arrays.stream(postalAddress.split("\r\n|\r|\n"))
                                        .map(String::stripTrailing)
                                        .toList())
                        .strip();
    }

    /** The addressee these values name; null when neither is given (or both were destroyed with the request's key). */
    static Addressee of(String name, String postalAddress) {
        var addressee = new Addressee(name, postalAddress);
        return addressee.name() == null && addressee.postalAddress() == null ? null : addressee;
    }

    /** The address's lines, in order; empty when none. */
    public List<String> lines() {
        return postalAddress == null ? List.of() : List.of(postalAddress.split("\n"));
    }

    /**
     * The fields in error, named under {@code prefix} ({@code addressee.name}, or {@code ""} for a form's own fields):
     * too long, holding control characters, marks that reverse the text ({@link PlainText}; a line end only within the
     * address) or characters a PDF cannot hold, or an address of more than
     * {@link #MAX_LINES} lines. Never quoting the values.
     */
    public List<FieldError> errors(String prefix) {
        var errors = new ArrayList<FieldError>();
        if (name != null && name.length() > MAX_NAME) {
            errors.add(FieldError.of(prefix + "name", "shared.field.too-long", MAX_NAME));
        } else if (unprintable(name, false)) {
            errors.add(FieldError.of(prefix + "name", "shared.field.control-characters"));
        }
        if (postalAddress != null && postalAddress.length() > MAX_POSTAL_ADDRESS) {
            errors.add(FieldError.of(prefix + "postalAddress", "shared.field.too-long", MAX_POSTAL_ADDRESS));
        } else if (unprintable(postalAddress, true)) {
            errors.add(FieldError.of(prefix + "postalAddress", "shared.field.control-characters"));
        } else if (postalAddress != null && lines().size() > MAX_LINES) { // an envelope's window, not blank pages
            errors.add(FieldError.of(prefix + "postalAddress", "requests.field.address-lines", MAX_LINES));
        }
        return errors;
    }

    /** Marks that hide what the text says ({@link PlainText}), or characters a letter's PDF cannot hold. */
    private static boolean unprintable(String text, boolean lines) {
        return PlainText.hidesSomething(text, lines) || (text != null && !text.equals(PdfDocuments.xmlSafe(text)));
    }

    @Override
    public String toString() {
        return "Addressee[…]";
    }
}
