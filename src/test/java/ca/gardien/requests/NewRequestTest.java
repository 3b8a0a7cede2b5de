package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The privacy officer's paper letter that gives only the person's name and postal address: the officer entry refused it
 * for want of an identifier. Staff may now enter it with both; the portal and the API still need an identifier.
 */
class NewRequestTest {

    private static final String NAME = "Jeanne Synthétique";
    private static final String ADDRESS = "1234, rue des Essais\nMontréal (Québec)  H2X 1Y6";

    private static NewRequest letter(NewRequest.Subject subject, String name, String address) {
        return new NewRequest(
                "ACCESS", subject, "QC", "MAIL", "fr", null, null, null, null, new Addressee(name, address));
    }

    private static List<String> subjectErrors(NewRequest request, boolean entered) {
        return request.errors("CA", entered).stream()
                .filter(e -> e.field().startsWith("subject"))
                .map(FieldError::key)
                .toList();
    }

    @Test
    void anOfficerEntryWithANameAndAPostalAddressNeedsNoIdentifier() {
        var none = new NewRequest.Subject(null, null, null);
        assertThat(letter(none, NAME, ADDRESS).errors("CA", true)).isEmpty();
        assertThat(letter(null, NAME, ADDRESS).errors("CA", true))
                .as("a body without subject at all")
                .isEmpty();
        assertThat(letter(null, NAME, ADDRESS).identifiers("CA")).isEmpty();
        assertThat(letter(none, NAME, ADDRESS).byPostOnly()).isTrue();
    }

    @Test
    void anOfficerEntryWithOnlyANameOrOnlyAnAddressOrNeitherIsRefusedOnTheSubjectSayingWhatWouldDo() {
        var none = new NewRequest.Subject(null, null, null);
        var expected = List.of("requests.field.subject-identifier-or-address");
        assertThat(subjectErrors(letter(none, NAME, null), true)).isEqualTo(expected);
        assertThat(subjectErrors(letter(none, null, ADDRESS), true)).isEqualTo(expected);
        assertThat(subjectErrors(letter(none, "  ", " \n "), true))
                .as("blank is none")
                .isEqualTo(expected);
        assertThat(subjectErrors(letter(none, "\u00a0", "\u2800\n\u3164"), true))
                .as("blanks that String.isBlank does not see are none (attacker's re-check)")
                .isEqualTo(expected);
        assertThat(subjectErrors(
                        new NewRequest("ACCESS", none, "QC", "MAIL", "fr", null, null, null, null, null), true))
                .isEqualTo(expected);
    }

    @Test
    void thePortalAndTheApiStillNeedAnIdentifierWhateverNameAndAddressTheyCarry() {
        var none = new NewRequest.Subject(null, null, null);
        assertThat(subjectErrors(letter(none, NAME, ADDRESS), false))
                .containsExactly("requests.field.subject-identifier");
        assertThat(letter(none, NAME, ADDRESS).errors("CA"))
                .extracting(FieldError::field)
                .containsExactly("subject");
    }

    @Test
    void anIdentifierGivenWithTheAddressIsStillCheckedAndUsed() {
        var bad = new NewRequest.Subject("not-an-email", null, null);
        assertThat(subjectErrors(letter(bad, NAME, ADDRESS), true)).containsExactly("requests.field.invalid-email");
        var customer = new NewRequest.Subject(null, null, "C-1234");
        assertThat(letter(customer, NAME, ADDRESS).errors("CA", true)).isEmpty();
        assertThat(letter(customer, NAME, ADDRESS).byPostOnly()).isFalse();
        assertThat(letter(customer, NAME, ADDRESS).identifiers("CA")).hasSize(1);
    }

    /** What a person asked is shown to staff as typed: control characters and reversing marks are refused. */
    @Test
    void detailsHidingSomethingAreRefusedOnTheirFieldAndProseIsKept() {
        var email = new NewRequest.Subject("synthetic@example.test", null, null);
        for (var hidden : java.util.List.of("abc\u0001def", "x\u202ey", "nul\u0000", "zero\u200Bwidth")) {
            assertThat(new NewRequest("ACCESS", email, "QC", "PORTAL", "fr", hidden, null, null, null, null)
                            .errors("CA"))
                    .extracting(FieldError::field, FieldError::key)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("details", "shared.field.control-characters"));
        }
        assertThat(new NewRequest(
                                "ACCESS",
                                email,
                                "QC",
                                "PORTAL",
                                "fr",
                                "Ligne un.\r\n\tLigne deux.",
                                null,
                                null,
                                null,
                                null)
                        .errors("CA"))
                .isEmpty();
    }

    /** A noncharacter passes the invisible-mark check but no PDF can hold it: the letter would have failed. */
    @Test
    void anAddresseeThatALettersPdfCannotHoldIsRefusedOnItsField() {
        assertThat(new Addressee(NAME, "1234, rue des Essais\uFFFE\nMontréal").errors("addressee."))
                .extracting(FieldError::field, FieldError::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "addressee.postalAddress", "shared.field.control-characters"));
        assertThat(new Addressee("Jeanne\uFFFF", ADDRESS).errors(""))
                .extracting(FieldError::field)
                .containsExactly("name");
        assertThat(new Addressee(NAME, ADDRESS).errors("")).isEmpty();
    }
}
