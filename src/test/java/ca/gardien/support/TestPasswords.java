package ca.gardien.support;

import java.util.UUID;

/**
 * Passwords of test accounts: random, yet never refused by the password rule. A random id alone may hold a simple
 * sequence ("abcd", "1234", "3210"), which the rule refuses anywhere in a password; here each of its characters is
 * followed by a dot, so that no run can form.
 */
public final class TestPasswords {

    private TestPasswords() {}

    /** {@code prefix}, a dash, then 32 random characters each followed by a dot. */
    public static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").replaceAll("(.)", "$1.");
    }
}
