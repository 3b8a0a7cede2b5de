package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentifierTest {

    @Test
    void normalizesAnEmailToLowerCaseWithoutSurroundingSpace() {
        assertThat(Identifier.parse("email: Test.Person@Example.TEST ", "CA"))
                .isEqualTo(new Identifier(Identifier.Kind.EMAIL, "test.person@example.test"));
    }

    @Test
    void normalizesAPhoneNumberToE164AssumingTheConfiguredRegion() {
        var expected = new Identifier(Identifier.Kind.PHONE, "+14185550123");
        assertThat(Identifier.parse("phone:(418) 555-0123", "CA")).isEqualTo(expected);
        assertThat(Identifier.parse("phone:+1 418 555 0123", "FR")).isEqualTo(expected);
    }

    @Test
    void rejectsMalformedIdentifiers() {
        assertThat(Identifier.parse("email:not-an-address", "CA")).isNull();
        assertThat(Identifier.parse("phone:12", "CA")).isNull();
        assertThat(Identifier.parse("visitor:short", "CA")).isNull();
        assertThat(Identifier.parse("fax:5550123", "CA")).isNull();
        assertThat(Identifier.parse("no-kind", "CA")).isNull();
        assertThat(Identifier.parse(null, "CA")).isNull();
    }

    @Test
    void acceptsCustomerNumbersAndVisitorIds() {
        assertThat(Identifier.parse("customer:C-000123", "CA").value()).isEqualTo("C-000123");
        assertThat(Identifier.parse("visitor:v_0123456789abcdef", "CA").kind()).isEqualTo(Identifier.Kind.VISITOR);
    }

    @Test
    void neverPrintsItsValue() {
        assertThat(Identifier.parse("email:someone@example.test", "CA").toString())
                .doesNotContain("someone");
    }

    @Test
    void hashesIdentifiersUnderAKeyKeptInTheKeyDirectory(@TempDir Path keys) {
        var key = IdentifierKey.loadOrCreate(keys);
        var email = Identifier.parse("email:someone@example.test", "CA");
        var digest = key.digest(email);
        assertThat(digest).hasSize(64).doesNotContain("someone");
        assertThat(IdentifierKey.loadOrCreate(keys).digest(email)).isEqualTo(digest);
        assertThat(IdentifierKey.loadOrCreate(keys.resolve("other")).digest(email))
                .isNotEqualTo(digest);
        assertThat(key.digest(new Identifier(Identifier.Kind.CUSTOMER, "someone@example.test")))
                .isNotEqualTo(digest);
    }
}
