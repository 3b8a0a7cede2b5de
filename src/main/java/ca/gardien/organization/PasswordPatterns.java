package ca.gardien.organization;

import java.util.ArrayList;
import java.util.List;

/** Passwords that look long but are not: a few characters repeated, or one or two runs along the keyboard. */
final class PasswordPatterns {

    /** Fewer different characters than this is a repetition whatever their order ("aaaabbbbaaaa"). */
    static final int MIN_DISTINCT = 4;
    /** A password made of this many runs at most is a sequence ("abcdefghijkl", "qwerty123456"). */
    static final int MAX_RUNS = 2;

    private static final List<String> ROWS = rows(
            "abcdefghijklmnopqrstuvwxyz",
            "01234567890",
            "qwertyuiop",
            "asdfghjkl",
            "zxcvbnm",
            "azertyuiop",
            "qsdfghjklm",
            "wxcvbn",
            "qwertzuiop",
            "yxcvbnm");

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

    /** Each row forwards and backwards. */
    private static List<String> rows(String... rows) {
        var both = new ArrayList<String>();
        for (var row : rows) {
            both.add(row);
            both.add(new StringBuilder(row).reverse().toString());
        }
        return List.copyOf(both);
    }
}
