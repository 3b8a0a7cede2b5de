package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

    /** Which numbers Gardien sends its codes to by text message (attacker's review: SMS pumping through the portal). */
    @Test
    void aPremiumRateOrSatelliteNumberTakesNoTextMessagesAnOrdinaryOneDoes() {
        assertThat(SubjectIdentifier.of(IdentifierKind.PHONE, "1-900-555-0199", "CA")
                        .textable())
                .as("premium rate (1-900)")
                .isFalse();
        assertThat(SubjectIdentifier.of(IdentifierKind.PHONE, "+88213100123", "CA")
                        .textable())
                .as("satellite network, no country")
                .isFalse();
        assertThat(SubjectIdentifier.of(IdentifierKind.PHONE, "418 555-0100", "CA")
                        .textable())
                .isTrue();
        assertThat(SubjectIdentifier.of(IdentifierKind.PHONE, "+33 6 12 34 56 78", "CA")
                        .textable())
                .isTrue();
        assertThat(SubjectIdentifier.of(IdentifierKind.EMAIL, "a@example.test", "CA")
                        .textable())
                .isFalse();
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

    /**
     * Attacker's probe: addresses a reader cannot tell from {@code alice@example.com} were subjects of their own (a
     * withdrawal under one missed the person). Each is the same address or none.
     */
    @Test
    void anAddressThatLooksLikeAnotherIsThatAddressOrNone() {
        var alice = SubjectIdentifier.normalizedEmail("alice@example.com");
        var lookAlikes = List.of(
                "ali\u034Fce@example.com", // combining grapheme joiner
                "alice\uFE0F@example.com", // variation selector
                "alice\uDB40\uDD00@example.com", // U+E0100
                "ali\u180Bce@example.com",
                "ali\u17B4ce@example.com",
                "ali\u3164ce@example.com", // Hangul filler
                "ali\uFFA0ce@example.com",
                "ali\u2800ce@example.com", // blank braille cell
                "\u0430lice@example.com", // Cyrillic a
                "alice@\u0435xample.com", // Cyrillic e
                "\uFF41lice@example.com", // fullwidth a
                "\uD835\uDC1Alice@example.com", // mathematical bold a
                "ali\u2010ce@example.com", // hyphen
                "alice@example\u2024com", // one dot leader
                "alice@example\uFF61com", // halfwidth ideographic full stop
                "alice.@example.com",
                ".alice@example.com",
                "al..ice@example.com",
                "\"alice\"@example.com",
                "alice\uFF20x@example.com", // a fullwidth @ makes two
                "ali\u0307ce@example.com", // an i with a second dot above
                "AL\u0130CE@example.com", // what a capital İ lower-cases to
                "alice@exa\u0307mple.com".replace("a\u0307", "i\u0307")); // in the domain too
        for (var address : lookAlikes) {
            assertThat(SubjectIdentifier.normalizedEmail(address))
                    .as(
                            "U+%04X…",
                            address.codePoints()
                                    .filter(c -> c > 0x7F)
                                    .findFirst()
                                    .orElse('?'))
                    .isIn(alice, null);
        }
        assertThat(SubjectIdentifier.normalizedEmail("jose\u0301@example.com"))
                .as("a decomposed é is the composed one")
                .isEqualTo(SubjectIdentifier.normalizedEmail("jos\u00E9@example.com"));
        assertThat(SubjectIdentifier.normalizedEmail("alice@xn--exmple-cua.com"))
                .as("a domain in punycode is the name it stands for")
                .isEqualTo(SubjectIdentifier.normalizedEmail("alice@ex\u00E4mple.com"))
                .isEqualTo("alice@exämple.com");
        assertThat(SubjectIdentifier.normalizedEmail("carol@xn--strae-oqa.de"))
                .as("punycode java.net.IDN cannot read (IDNA2003: ß) is no second name for straße.de")
                .isNull();
        assertThat(SubjectIdentifier.normalizedEmail("carol@stra\u00DFe.de")).isEqualTo("carol@straße.de");
        assertThat(SubjectIdentifier.normalizedEmail("carol@xn--zz.de"))
                .as("punycode that decodes to nothing")
                .isNull();
    }

    @Test
    void addressesInOneWritingSystemOtherThanLatinAreAddresses() {
        assertThat(SubjectIdentifier.normalizedEmail("алиса@пример.рф")).isEqualTo("алиса@пример.рф");
        assertThat(SubjectIdentifier.normalizedEmail("山田太郎たろう@例え.jp")).isEqualTo("山田太郎たろう@例え.jp");
        assertThat(SubjectIdentifier.normalizedEmail("o'brien+news@example.test"))
                .isEqualTo("o'brien+news@example.test");
        assertThat(SubjectIdentifier.normalizedEmail("alice+x@example.com"))
                .as("a sub-address is a mailbox of its own")
                .isNotEqualTo(SubjectIdentifier.normalizedEmail("alice@example.com"));
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
