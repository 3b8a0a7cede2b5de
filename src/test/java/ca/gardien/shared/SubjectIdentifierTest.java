package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubjectIdentifierTest {

    @Test
    void normalizesAnEmailToLowerCaseWithoutSurroundingSpace() {
        assertThat(SubjectIdentifier.parse("email: Test.Person@Example.TEST ", "CA"))
                .isEqualTo(new SubjectIdentifier(IdentifierKind.EMAIL, "test.person@example.test"));
    }

    @Test
    void normalizesAPhoneNumberToE164AssumingTheConfiguredRegion() {
        var expected = new SubjectIdentifier(IdentifierKind.PHONE, "+14185550123");
        assertThat(SubjectIdentifier.parse("phone:(418) 555-0123", "CA")).isEqualTo(expected);
        assertThat(SubjectIdentifier.parse("phone:+1 418 555 0123", "FR")).isEqualTo(expected);
    }

    @Test
    void rejectsMalformedIdentifiers() {
        assertThat(SubjectIdentifier.parse("email:not-an-address", "CA")).isNull();
        assertThat(SubjectIdentifier.parse("phone:12", "CA")).isNull();
        assertThat(SubjectIdentifier.parse("visitor:short", "CA")).isNull();
        assertThat(SubjectIdentifier.parse("fax:5550123", "CA")).isNull();
        assertThat(SubjectIdentifier.parse("no-kind", "CA")).isNull();
        assertThat(SubjectIdentifier.parse(null, "CA")).isNull();
    }

    /** Attacker's probe: an address with a NUL, BEL or DEL in it was a subject of its own, looking like another. */
    @Test
    void rejectsAnEmailWithAControlFormatOrSpaceCharacterAnywhere() {
        for (var hidden :
                new String[] {"\u0000", "\u0001", "\u0007", "\u007f", "\u0085", "\u200b", "\u00a0", "\u2028"}) {
            assertThat(SubjectIdentifier.parse("email:some" + hidden + "one@example.test", "CA"))
                    .as("U+%04X in the local part", (int) hidden.charAt(0))
                    .isNull();
            assertThat(SubjectIdentifier.normalizedEmail("someone@exam" + hidden + "ple.test"))
                    .as("U+%04X in the domain", (int) hidden.charAt(0))
                    .isNull();
        }
        assertThat(SubjectIdentifier.normalizedEmail("émilie.côté@exemple.québec"))
                .isEqualTo("émilie.côté@exemple.québec");
    }

    @Test
    void acceptsCustomerNumbersAndVisitorIds() {
        assertThat(SubjectIdentifier.parse("customer:C-000123", "CA").value()).isEqualTo("C-000123");
        assertThat(SubjectIdentifier.parse("visitor:v_0123456789abcdef", "CA").kind())
                .isEqualTo(IdentifierKind.VISITOR);
    }

    @Test
    void neverPrintsItsValue() {
        assertThat(SubjectIdentifier.parse("email:someone@example.test", "CA").toString())
                .doesNotContain("someone")
                .doesNotContain("example");
    }

    @Test
    void normalizesABareEmailAddressForModulesThatMatchAddresses() {
        assertThat(SubjectIdentifier.normalizedEmail(" Someone@Example.TEST")).isEqualTo("someone@example.test");
        assertThat(SubjectIdentifier.normalizedEmail("not-an-address")).isNull();
        assertThat(SubjectIdentifier.normalizedEmail(null)).isNull();
    }

    @Test
    void readsTheKindPrefixInAnyCase() {
        assertThat(SubjectIdentifier.parse("EMAIL:someone@example.test", "CA"))
                .isEqualTo(SubjectIdentifier.parse("email:someone@example.test", "CA"));
    }

    @Test
    void namesTheBuiltInKindsByTheKeysDataMapsUseAndAcceptsOrganizationDefinedKeys() {
        assertThat(IdentifierKind.fromKey("customerNumber")).contains(IdentifierKind.CUSTOMER);
        assertThat(IdentifierKind.fromKey("loyaltyCard")).isEmpty();
        assertThat(IdentifierKind.validKey("loyaltyCard")).isTrue();
        assertThat(IdentifierKind.validKey("Loyalty card")).isFalse();
    }

    @Test
    void recognisesAPlainEmailOrPhoneTypedWithoutItsKind() {
        assertThat(SubjectIdentifier.typed(" Someone@Example.TEST ", "CA"))
                .isEqualTo(SubjectIdentifier.parse("email:someone@example.test", "CA"));
        assertThat(SubjectIdentifier.typed("514 555-0199", "CA"))
                .isEqualTo(new SubjectIdentifier(IdentifierKind.PHONE, "+15145550199"));
        assertThat(SubjectIdentifier.typed("customer:C-1", "CA"))
                .isEqualTo(SubjectIdentifier.parse("customer:C-1", "CA"));
        assertThat(SubjectIdentifier.typed("not an identifier", "CA")).isNull();
        assertThat(SubjectIdentifier.typed(null, "CA")).isNull();
    }
}
