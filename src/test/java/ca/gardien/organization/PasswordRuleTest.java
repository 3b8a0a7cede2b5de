package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.organization.PasswordRefusedException.Reason;
import ca.gardien.shared.Bundles;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password rule on its own (NIST SP 800-63B): length, the shipped list, context words and patterns. */
class PasswordRuleTest {

    private static final CommonPasswords COMMON = new CommonPasswords();
    private final PasswordRule rule = new PasswordRule(COMMON, () -> Optional.of("Boutique Laurier inc."), 12);

    private Reason refusal(String password, String username) {
        try {
            rule.check("password", password, username);
        } catch (PasswordRefusedException e) {
            assertThat(e.field()).isEqualTo("password");
            assertThat(e.getMessage()).doesNotContain(password);
            return e.reason();
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "correct horse battery staple",
                "a-long-enough-password",
                "bootstrap-test-passphrase",
                "my-own-chosen-passphrase",
                "Tr0ub4dor&3-lune-bleue",
                "mot de passe très long à Québec"
            })
    void acceptsPassphrases(String password) {
        assertThat(refusal(password, "camille")).isNull();
    }

    @Test
    void refusesOneCharacterRepeated() {
        assertThat(refusal("aaaaaaaaaaaa", "camille")).isEqualTo(Reason.REPETITIVE);
        assertThat(refusal("ab12ab12ab12", "camille")).isEqualTo(Reason.REPETITIVE);
        assertThat(refusal("aaaabbbbaaaacc", "camille")).isEqualTo(Reason.REPETITIVE);
    }

    @Test
    void refusesPasswordsContainingTheUsernameInAnyCase() {
        assertThat(refusal("victim2victim2", "victim2")).isEqualTo(Reason.USERNAME);
        assertThat(refusal("auditor1auditor1", "auditor1")).isEqualTo(Reason.USERNAME);
        assertThat(refusal("my Camille-password!", "camille")).isEqualTo(Reason.USERNAME);
        assertThat(refusal("Cam.ille was here 2026", "camille"))
                .as("punctuation does not hide the username")
                .isEqualTo(Reason.USERNAME);
    }

    @Test
    void ignoresUsernamesTooShortToMeanAnything() {
        assertThat(refusal("jo takes the long road", "jo")).isNull();
    }

    @Test
    void refusesTheNameOfTheOrganizationOrOfTheService() {
        assertThat(refusal("laurier-printemps-2026", "camille")).isEqualTo(Reason.ORGANIZATION);
        assertThat(refusal("LAURIÉR is my employer", "camille")).isEqualTo(Reason.ORGANIZATION);
        assertThat(refusal("gardien des renseignements", "camille")).isEqualTo(Reason.ORGANIZATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefghijklmnop", "123456789012", "0987654321zyx", "azertyuiopqsdf", "zyxwvutsrqpo"})
    void refusesSimpleSequences(String password) {
        assertThat(refusal(password, "camille")).isEqualTo(Reason.SEQUENCE);
    }

    /**
     * What the hint promises (officer's review: "julie12345678" was taken as an initial password): four letters or
     * digits in a row, up or down, or five neighbouring keys of a keyboard row, anywhere in the password.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "julie12345678",
                "Julie-1234-au-lac",
                "rivière 4321 sapins",
                "mon abcd du printemps",
                "DCBA-lune-et-soleil",
                "la vue de 7890 mètres",
                "clef azert du bureau",
                "poiuy et la montagne",
                "qwert au chalet bleu"
            })
    void refusesASimpleSequenceAnywhereInThePassword(String password) {
        assertThat(refusal(password, "camille")).isEqualTo(Reason.SEQUENCE);
    }

    /** Four keys of a row are in words of passphrases ("liberty", "property" hold "erty"): only five are refused. */
    @ParameterizedTest
    @ValueSource(
            strings = {"liberty and property", "une ode à la liberté", "le hertz du piano", "1357 lucioles au lac"})
    void takesShortRunsThatWordsAndNumbersHold(String password) {
        assertThat(refusal(password, "camille")).isNull();
    }

    @Test
    void aRandomOneTimePasswordIsNeverRefused() {
        for (int i = 0; i < 20_000; i++) {
            var password = Passwords.random();
            assertThat(refusal(password, "officer")).as(password).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"iloveyou1234", "ILoveYou1234", "1qaz2wsx3edc", "passwordpassword", "q1w2e3r4t5y6"})
    void refusesPasswordsOfThePublishedListsIgnoringCase(String password) {
        assertThat(refusal(password, "camille")).isIn(Reason.COMMON, Reason.REPETITIVE);
        assertThat(COMMON.contains("iloveyou1234")).isTrue();
    }

    @Test
    void countsCodePointsAfterNfkcNormalization() {
        assertThat(refusal("short", "camille")).isEqualTo(Reason.LENGTH);
        // eleven emoji are 22 UTF-16 units but 11 characters
        assertThat(refusal("🔒🌲🦊🍁🏔️🌊🎻📚🧭🛶", "camille")).isEqualTo(Reason.LENGTH);
        assertThat(refusal("x".repeat(120) + "y".repeat(137), "camille")).isEqualTo(Reason.LENGTH);
        // "ﬁ" (U+FB01) becomes "fi": the hashed form is the normalized one
        assertThat(rule.check("password", "ﬁne weather at sea", "camille")).isEqualTo("fine weather at sea");
    }

    @Test
    void shipsTheListOfCommonPasswords() {
        assertThat(COMMON.size()).isGreaterThan(12_000);
    }

    @Test
    void tellsWhyInFrenchAndEnglishNamingTheField() {
        var messages = Bundles.messages();

        assertThatThrownBy(() -> rule.check("newPassword", "short", "camille"))
                .isInstanceOfSatisfying(PasswordRefusedException.class, e -> {
                    assertThat(e.localized(messages, Locale.CANADA_FRENCH).message())
                            .isEqualTo("doit compter de 12 à 256 caractères");
                    assertThat(e.localized(messages, Locale.CANADA).message())
                            .isEqualTo("must be 12 to 256 characters");
                    assertThat(e.localized(messages, Locale.CANADA).field()).isEqualTo("newPassword");
                });
        assertThatThrownBy(() -> rule.check("newPassword", "iloveyou1234", "camille"))
                .isInstanceOfSatisfying(
                        PasswordRefusedException.class,
                        e -> assertThat(e.localized(messages, Locale.CANADA_FRENCH)
                                        .message())
                                .isEqualTo("figure dans les listes publiées de mots de passe courants"));
    }
}
