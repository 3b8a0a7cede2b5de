package ca.gardien;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.ledger.CanonicalForm;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: one identifier model, in {@code shared}. Only {@code shared} normalizes an email address or a phone number
 * and computes identifier digests; no module goes to the ledger for a plain SHA-256.
 */
class IdentityModelTest {

    private static final String SHARED = "ca.gardien.shared..";
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ca.gardien");

    /** A regular expression literal that matches an email address: an {@code @} then an escaped dot of a domain. */
    private static final Pattern EMAIL_REGEX = Pattern.compile("\"[^\"]*@[^\"]*\\\\\\\\\\.[^\"]*\"");

    @Test
    void onlySharedParsesPhoneNumbers() {
        noClasses()
                .that()
                .resideOutsideOfPackage(SHARED)
                .should()
                .dependOnClassesThat()
                .resideInAPackage("com.google.i18n.phonenumbers..")
                .because("phone numbers are normalized to E.164 by shared.SubjectIdentifier only")
                .check(MAIN);
    }

    @Test
    void noModuleGoesToTheLedgerForAPlainDigest() {
        noClasses()
                .that()
                .resideOutsideOfPackage("ca.gardien.ledger..")
                .should()
                .callMethod(CanonicalForm.class, "sha256Hex", byte[].class)
                .orShould()
                .callMethod(CanonicalForm.class, "sha256")
                .because("shared.Digests holds the SHA-256 helpers")
                .check(MAIN);
    }

    @Test
    void noModuleModelsItsOwnIdentifierOrKeyedDigest() {
        noClasses()
                .that()
                .resideOutsideOfPackage(SHARED)
                .should()
                .haveSimpleNameEndingWith("Identifier")
                .orShould()
                .haveSimpleNameEndingWith("IdentifierKind")
                .because("shared.SubjectIdentifier and shared.IdentifierKind are the identifier model")
                .check(MAIN);
        noClasses()
                .that()
                .resideOutsideOfPackages(SHARED, "ca.gardien.connectors..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("javax.crypto.Mac")
                .because(
                        "keyed digests are shared.KeyedDigest, each module with its own key (connectors sign webhooks)")
                .check(MAIN);
    }

    @Test
    void noSourceOutsideSharedHoldsAnEmailRegularExpression() throws IOException {
        assertThat(sourcesOutsideShared().filter(IdentityModelTest::holdsEmailRegex))
                .as("email addresses are normalized by shared.SubjectIdentifier only")
                .isEmpty();
    }

    @Test
    void theEmailCheckRecognizesARegularExpressionOfAnAddress() {
        var twin = "Pattern.compile(\"[^@\\\\s]{1,64}@[^@\\\\s.]+(\\\\.[^@\\\\s.]+)+\");";
        assertThat(EMAIL_REGEX.matcher(twin).find()).isTrue();
        assertThat(EMAIL_REGEX
                        .matcher("Pattern.compile(\"[A-Za-z0-9_.,:@/+ -]{0,200}\");")
                        .find())
                .isFalse();
    }

    private static Stream<Path> sourcesOutsideShared() throws IOException {
        var root = Path.of("src/main/java/ca/gardien");
        try (var files = Files.walk(root)) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).startsWith("shared"))
                    .toList();
            return list.stream();
        }
    }

    private static boolean holdsEmailRegex(Path source) {
        try {
            return EMAIL_REGEX.matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
