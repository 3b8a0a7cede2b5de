package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 11, finding L1: how an auditor sees an identifier. A fixed number of bullets hides the length too. */
class IdentifierMaskingTest {

    @Test
    void anEmailKeepsItsFirstCharacterAndDomain() {
        assertThat(SubjectIdentifier.masked(IdentifierKind.EMAIL, "alice@example.test"))
                .isEqualTo("a•••@example.test");
        assertThat(SubjectIdentifier.masked(IdentifierKind.EMAIL, "a@example.test"))
                .isEqualTo("a•••@example.test");
    }

    @Test
    void aPhoneKeepsItsCountryCodeAndLastFourDigits() {
        assertThat(SubjectIdentifier.masked(IdentifierKind.PHONE, "+15145550001"))
                .isEqualTo("+1•••••••0001");
        assertThat(SubjectIdentifier.masked(IdentifierKind.PHONE, "+33612345678"))
                .isEqualTo("+33•••••••5678");
    }

    @Test
    void aCustomerNumberKeepsItsFirstCharacter() {
        assertThat(SubjectIdentifier.masked(IdentifierKind.CUSTOMER, "C-0042")).isEqualTo("C•••");
        assertThat(SubjectIdentifier.masked(IdentifierKind.CUSTOMER, "7")).isEqualTo("•••");
    }

    @Test
    void aPurgedValueStaysAbsent() {
        assertThat(SubjectIdentifier.masked(IdentifierKind.EMAIL, null)).isNull();
    }
}
