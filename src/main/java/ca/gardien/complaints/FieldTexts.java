package ca.gardien.complaints;

import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.PdfDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The checks of what is typed into a complaint file: texts (length, characters a letter can print) and assignees. */
final class FieldTexts {

    private FieldTexts() {}

    static String text(String value, String field, int max, boolean required) {
        var errors = new ArrayList<FieldError>();
        var text = text(value, field, max, required, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return text;
    }

    static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, "shared.field.required"));
            }
            return null;
        }
        var text = value.strip();
        if (text.length() > max) {
            errors.add(FieldError.of(field, "shared.field.too-long", max));
            return null;
        }
        if (!text.equals(PdfDocuments.xmlSafe(text))) {
            // a letter must always render what was typed: control characters are refused at the door
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
