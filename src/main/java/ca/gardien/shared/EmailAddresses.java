package ca.gardien.shared;

import java.lang.Character.UnicodeScript;
import java.net.IDN;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one form of an email address that names one person: two addresses a reader cannot tell apart are the same
 * address or no address at all (attacker's probe: an invisible U+034F, a Cyrillic « а », a decomposed « é » or the
 * punycode of a domain each made a second subject looking like the first, and a withdrawal sent under it missed the
 * person). In order:
 *
 * <ul>
 *   <li>NFKC then lower case: the compatibility forms (fullwidth « ａ », mathematical « 𝐚 », « ＠ ») are their plain
 *       letter and a composed letter is one character;
 *   <li>a domain in punycode is read as the name it stands for ({@code xn--exmple-cua.com} is {@code exämple.com});
 *   <li>refused: a character Unicode says is ignorable (invisible), a space, a control, a non-ASCII character that is
 *       no letter, digit or mark (a dash « ‐ », a blank braille cell), a quoted or dotted-wrong local part ({@code
 *       .a@}, {@code a..b@}, {@code "a"@}), a part mixing scripts beyond what one writing system mixes (UTS #39,
 *       highly restrictive: Latin with Han and Japanese kana, or with Han and Hangul, or with Han and Bopomofo).
 * </ul>
 *
 * What stays two addresses is two mailboxes a mail server may tell apart: {@code a+x@} and {@code a@}, « ı » and « i ».
 */
final class EmailAddresses {

    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final int MAX_LABEL = 63;

    /** RFC 5322 atext besides letters and digits (the dot is checked apart). */
    private static final String ASCII_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

    /** The scripts one writing system mixes (UTS #39 highly restrictive); any single script is allowed too. */
    private static final List<Set<UnicodeScript>> MIXES = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private EmailAddresses() {}

    /** The address in its one form, or null when it is none. */
    static String normalized(String typed) {
        if (typed == null || typed.isEmpty() || typed.length() > 4 * MAX_LENGTH) {
            return null;
        }
        var text = (ascii(typed) ? typed : Normalizer.normalize(typed, Normalizer.Form.NFKC)).toLowerCase(Locale.ROOT);
        int at = text.indexOf('@');
        if (at < 1 || at != text.lastIndexOf('@')) {
            return null;
        }
        var local = text.substring(0, at);
        var domain = domain(text.substring(at + 1));
        if (domain == null || !localPart(local)) {
            return null;
        }
        var address = local + "@" + domain;
        return address.length() <= MAX_LENGTH ? address : null;
    }

    private static boolean localPart(String local) {
        if (local.length() > MAX_LOCAL || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        return local.codePoints().allMatch(c -> c == '.' || ASCII_SYMBOLS.indexOf(c) >= 0 || letter(c))
                && oneWritingSystem(local)
                && !dottedTwice(local);
    }

    /** The domain as the name it stands for, its labels checked; null when it is none. */
    private static String domain(String typed) {
        if (typed.isEmpty() || typed.codePoints().anyMatch(c -> c != '.' && c != '-' && !letter(c))) {
            return null;
        }
        if (ascii(typed) && !punycode(typed)) {
            return labels(typed); // no punycode: the name is what was typed (the common case, no IDN work)
        }
        String name;
        try {
            name = IDN.toUnicode(typed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // java.net.IDN reads punycode by IDNA2003, which cannot say every name (ß, ς, a joiner): a label it leaves in
        // punycode would be a second name for one mailbox, so it is refused; its name typed as such is accepted
        // (attacker's review: carol@xn--strae-oqa.de beside carol@straße.de)
        return punycode(name) ? null : labels(Normalizer.normalize(name, Normalizer.Form.NFKC));
    }

    /** The name when each of its labels is one (letters, digits and inner dashes of one writing system), else null. */
    private static String labels(String name) {
        var labels = name.split("\\.", -1);
        if (labels.length < 2) {
            return null;
        }
        for (var label : labels) {
            if (label.isEmpty()
                    || label.length() > MAX_LABEL
                    || label.startsWith("-")
                    || label.endsWith("-")
                    || label.codePoints().anyMatch(c -> c != '-' && !letter(c))
                    || !oneWritingSystem(label)
                    || dottedTwice(label)) {
                return null;
            }
        }
        return name;
    }

    /** Letters whose dot a combining mark above replaces (Unicode's Soft_Dotted, the letters of the BMP). */
    private static final String SOFT_DOTTED = "ij\u012F\u0249\u0268\u029D\u02B2\u03F3\u0456\u0458\u1D62\u1D96"
            + "\u1DA4\u1DA8\u1E2D\u1ECB\u2071\u2148\u2149\u2C7C";

    /**
     * A soft-dotted letter followed by a combining dot above (U+0307), which shows as the letter alone: "ali̇ce" is read
     * as "alice" (attacker's review; also what « İ » lower-cases to).
     */
    private static boolean dottedTwice(String part) {
        for (int i = part.indexOf('\u0307'); i > 0; i = part.indexOf('\u0307', i + 1)) {
            if (SOFT_DOTTED.indexOf(part.charAt(i - 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether a label of the name is written in punycode. */
    private static boolean punycode(String name) {
        return name.startsWith("xn--") || name.contains(".xn--");
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A letter, digit or combining mark that shows: ASCII alphanumerics, or beyond ASCII what is not ignorable. */
    private static boolean letter(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }
        int type = Character.getType(c);
        boolean shown = Character.isLetterOrDigit(c)
                || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK;
        return shown && !ignorable(c);
    }

    /** Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties 16.0): characters that show nothing. */
    static boolean ignorable(int c) {
        return c == 0x00AD
                || c == 0x034F
                || c == 0x061C
                || (c >= 0x115F && c <= 0x1160)
                || (c >= 0x17B4 && c <= 0x17B5)
                || (c >= 0x180B && c <= 0x180F)
                || (c >= 0x200B && c <= 0x200F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x206F)
                || c == 0x3164
                || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFEFF
                || c == 0xFFA0
                || (c >= 0xFFF0 && c <= 0xFFF8)
                || (c >= 0x1BCA0 && c <= 0x1BCA3)
                || (c >= 0x1D173 && c <= 0x1D17A)
                || (c >= 0xE0000 && c <= 0xE0FFF);
    }

    private static boolean oneWritingSystem(String part) {
        var scripts = EnumSet.noneOf(UnicodeScript.class);
        part.codePoints().forEach(c -> {
            var script = UnicodeScript.of(c);
            if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                scripts.add(script);
            }
        });
        return scripts.size() <= 1 || MIXES.stream().anyMatch(mix -> mix.containsAll(scripts));
    }
}
