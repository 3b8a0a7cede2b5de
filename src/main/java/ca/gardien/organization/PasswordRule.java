package ca.gardien.organization;

import ca.gardien.organization.PasswordRefusedException.Reason;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What a new password must be, after NIST SP 800-63B: long enough in Unicode code points (after NFKC normalization,
 * which is also the form that is hashed), not on the shipped list of common passwords ({@link CommonPasswords}), not
 * containing the username or the name of the organization or of the service, not one character or pattern repeated,
 * not a simple sequence and holding none ({@link PasswordPatterns#containsRun}: "1234", "abcd", "4321", "azert"), as
 * the forms' hint ({@code password.rules}) says. No rule about kinds of characters: length and the list do that work.
 */
@Component
class PasswordRule {

    /**
     * NIST SP 800-63B-4 asks for 15 where a password is the only factor; Gardien keeps the 12 it always documented, as
     * the list, the context words and the login delay cover the guessable passwords of 12 to 14 characters.
     */
    static final int MIN_LENGTH = 12;

    static final int MAX_LENGTH = 256;
    static final String SERVICE = "gardien";
    /** Context words shorter than this would refuse too many good passwords (a username may be two letters). */
    static final int MIN_CONTEXT_WORD = 4;

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final CommonPasswords common;
    private final Supplier<Optional<String>> organizationName;
    private final int minLength;

    @Autowired
    PasswordRule(CommonPasswords common, OrganizationProfiles profiles) {
        this(common, () -> profiles.find().map(OrganizationProfile::legalName), MIN_LENGTH);
    }

    PasswordRule(CommonPasswords common, Supplier<Optional<String>> organizationName, int minLength) {
        this.common = common;
        this.organizationName = organizationName;
        this.minLength = minLength;
    }

    /** The password as it is hashed (NFKC), or a {@link PasswordRefusedException} naming the field and the reason. */
    String check(String field, String password, String username) {
        var normalized = password == null ? "" : Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < minLength || length > MAX_LENGTH) {
            throw refused(field, Reason.LENGTH);
        }
        var folded = fold(normalized);
        if (username != null && contains(folded, username)) {
            throw refused(field, Reason.USERNAME);
        }
        if (organizationWords().stream().anyMatch(w -> contains(folded, w))) {
            throw refused(field, Reason.ORGANIZATION);
        }
        if (PasswordPatterns.repetitive(normalized.toLowerCase(Locale.ROOT))) {
            throw refused(field, Reason.REPETITIVE);
        }
        if (PasswordPatterns.sequential(normalized.toLowerCase(Locale.ROOT))) {
            throw refused(field, Reason.SEQUENCE);
        }
        if (common.contains(normalized)) {
            throw refused(field, Reason.COMMON);
        }
        if (PasswordPatterns.containsRun(normalized.toLowerCase(Locale.ROOT))) { // "julie12345678" (officer's review)
            throw refused(field, Reason.SEQUENCE);
        }
        return normalized;
    }

    private PasswordRefusedException refused(String field, Reason reason) {
        return new PasswordRefusedException(field, reason, minLength, MAX_LENGTH);
    }

    /** The service's name, the organization's legal name and each of its words of five letters or more. */
    private List<String> organizationWords() {
        var words = new ArrayList<String>();
        words.add(SERVICE);
        organizationName.get().ifPresent(name -> {
            words.add(name);
            for (var word : name.split("[\\s\\p{P}]+")) {
                if (fold(word).length() >= 5) {
                    words.add(word);
                }
            }
        });
        return words;
    }

    private static boolean contains(String foldedPassword, String word) {
        var folded = fold(word);
        return folded.length() >= MIN_CONTEXT_WORD && foldedPassword.contains(folded);
    }

    /** Lower case, accents and everything but letters and digits removed: "Québec-Inc." and "quebecinc" compare. */
    static String fold(String text) {
        var decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        var bare = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(bare).replaceAll("");
    }
}
