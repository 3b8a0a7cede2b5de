package ca.gardien.complaints;

import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.PdfDocuments;
import ca.gardien.shared.TypedText;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The checks of what is typed into a complaint file: texts (length, characters a letter can print and a reader sees as
 * stored) and assignees.
 */
final class FieldTexts {

    private FieldTexts() {}

    /** A text of one line (a name, a subject): {@link #text(String, String, int, boolean, List)}, or refused. */
    static String text(String value, String field, int max, boolean required) {
        return thrown(value, field, max, required, false);
    }

    /** A text of paragraphs (reasons, a note, an answer): {@link #prose(String, String, int, boolean, List)}, or refused. */
    static String prose(String value, String field, int max, boolean required) {
        return thrown(value, field, max, required, true);
    }

    /**
     * A text of one line as {@link TypedText} keeps it (stripped; null when it says nothing), and one a letter's PDF can
     * print. Its errors, naming {@code field}: required, too long, or holding control characters, line ends or the
     * invisible marks that make a text read otherwise than it is stored.
     */
    static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        return checked(value, field, max, required, false, errors);
    }

    /** A text of paragraphs: the same, its line ends and tabs allowed (a text box's CR LF kept as LF). */
    static String prose(String value, String field, int max, boolean required, List<FieldError> errors) {
        return checked(value, field, max, required, true, errors);
    }

    private static String thrown(String value, String field, int max, boolean required, boolean paragraphs) {
        var errors = new ArrayList<FieldError>();
        var text = checked(value, field, max, required, paragraphs, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return text;
    }

    private static String checked(
            String value, String field, int max, boolean required, boolean paragraphs, List<FieldError> errors) {
        var text = paragraphs
                ? TypedText.SHARED.prose(errors, field, value, max, required)
                : TypedText.SHARED.line(errors, field, value, max, required);
        // a letter must always render what was typed: what its PDF cannot hold is refused at the door too
        if (text != null && !text.equals(PdfDocuments.xmlSafe(text))) {
            errors.add(FieldError.of(field, "shared.field.control-characters"));
            return null;
        }
        return text;
    }

    /**
     * Only an active staff account can be assigned a file (section 12 of the policy: the officer, delegates and the staff
     * assigned to the file): the person in charge and delegates see every file already, and anyone else would be handed
     * a confidential file the role does not cover.
     */
    static boolean handlesComplaints(AccountViews accounts, UUID accountId) {
        return accounts.isActive(accountId, Role.STAFF);
    }

    /** The accounts a file may be assigned to: active, with the staff role. */
    static java.util.List<ca.gardien.organization.AccountRow> assignees(AccountViews accounts) {
        return accounts.active(Role.STAFF);
    }
}
