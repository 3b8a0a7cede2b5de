package ca.gardien.organization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Passwords published in breach and common-password lists, shipped with Gardien ({@value #RESOURCE}; sources and
 * licences in its NOTICE file): only those the rule could otherwise accept, 12 to 256 code points, NFKC and lower-case.
 * Loaded once into a hash set: about 12,000 entries, some 1.5 MB of heap, one hash look-up per check.
 */
@Component
class CommonPasswords {

    static final String RESOURCE = "organization/common-passwords.txt.gz";

    private final Set<String> passwords;

    CommonPasswords() {
        var loaded = new HashSet<String>(16_384);
        try (var in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ClassPathResource(RESOURCE).getInputStream()), StandardCharsets.UTF_8))) {
            for (var line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isEmpty()) {
                    loaded.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the common-password list " + RESOURCE + " cannot be read", e);
        }
        this.passwords = Set.copyOf(loaded);
    }

    /** Whether this NFKC-normalized password is on the list, ignoring case. */
    boolean contains(String normalized) {
        return passwords.contains(normalized.toLowerCase(Locale.ROOT));
    }

    int size() {
        return passwords.size();
    }
}
