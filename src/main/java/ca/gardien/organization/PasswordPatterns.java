package ca.gardien.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Passwords that look long but are not: a few characters repeated, one or two runs along the keyboard, or a simple
 * sequence inside ("julie12345678").
 */
final class PasswordPatterns {

    /** Fewer different characters than this is a repetition whatever their order ("aaaabbbbaaaa"). */
    static final int MIN_DISTINCT = 4;
    /** A password made of this many runs at most is a sequence ("abcdefghijkl", "qwerty123456"). */
    static final int MAX_RUNS = 2;
    /** This many letters or digits that follow each other, up or down, anywhere in a password: "abcd", "1234", "4321". */
    static final int ALPHABET_RUN = 4;
    /**
     * This many neighbouring keys of a keyboard row anywhere in a password: "azert", "qwert", "poiuy". One more than the
     * alphabet's: words of passphrases hold four ("liberty", "property" hold "erty"), none of them five.
     */
    static final int KEYBOARD_RUN = 5;

    private static final List<String> ALPHABETS = List.of("abcdefghijklmnopqrstuvwxyz", "01234567890");
    private static final List<String> KEYBOARD = List.of(
            "qwertyuiop", "asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn", "qwertzuiop", "yxcvbnm");
    private static final List<String> ROWS =
            rows(Stream.concat(ALPHABETS.stream(), KEYBOARD.stream()).toList());
    /** Every run refused inside a password, forwards and backwards. */
    private static final List<String> RUNS = Stream.concat(runs(ALPHABETS, ALPHABET_RUN), runs(KEYBOARD, KEYBOARD_RUN))
            .distinct()
            .toList();

    private PasswordPatterns() {}

    /** Too few different characters, or the whole password is one shorter unit repeated ("victim2victim2"). */
    static boolean repetitive(String password) {
        int[] cps = password.codePoints().toArray();
        if (password.codePoints().distinct().count() < MIN_DISTINCT) {
            return true;
        }
        for (int unit = 1; unit <= cps.length / 2; unit++) {
            if (cps.length % unit == 0 && repeats(cps, unit)) {
                return true;
            }
        }
        return false;
    }

    private static boolean repeats(int[] cps, int unit) {
        for (int i = unit; i < cps.length; i++) {
            if (cps[i] != cps[i - unit]) {
                return false;
            }
        }
        return true;
    }

    /** Made of at most {@value #MAX_RUNS} runs, each one character repeated or neighbours on an alphabet or a row. */
    static boolean sequential(String password) {
        int[] cps = password.codePoints().toArray();
        int runs = 0;
        for (int i = 0; i < cps.length; i = endOfRun(cps, i)) {
            if (++runs > MAX_RUNS) {
                return false;
            }
        }
        return true;
    }

    /** The index just after the longest run that starts at {@code start}. */
    private static int endOfRun(int[] cps, int start) {
        int end = start + 1;
        while (end < cps.length && cps[end] == cps[start]) {
            end++;
        }
        for (var row : ROWS) {
            int j = start + 1;
            while (j < cps.length && row.contains(Character.toString(cps[j - 1]) + Character.toString(cps[j]))) {
                j++;
            }
            end = Math.max(end, j);
        }
        return end;
    }

    /** Whether a simple sequence is inside: {@value #ALPHABET_RUN} letters or digits, or a keyboard row's run. */
    static boolean containsRun(String password) {
        return RUNS.stream().anyMatch(password::contains);
    }

    private static Stream<String> runs(List<String> rows, int length) {
        return rows(rows).stream()
                .flatMap(row ->
                        IntStream.rangeClosed(0, row.length() - length).mapToObj(i -> row.substring(i, i + length)));
    }

    /** Each row forwards and backwards. */
    private static List<String> rows(List<String> rows) {
        var both = new ArrayList<String>();
        for (var row : rows) {
            both.add(row);
            both.add(new StringBuilder(row).reverse().toString());
        }
        return List.copyOf(both);
    }
}
