package ca.gardien.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's message bundles for plain unit tests: the basenames registered once in {@code application.yml}
 * ({@code spring.messages.basename}), with the same settings as the running application.
 */
public final class Bundles {

    private static final Pattern BASENAME = Pattern.compile("(?m)^\\s+basename:\\s*(\\S+)\\s*$");

    private Bundles() {}

    public static List<String> basenames() {
        try {
            var yml = Files.readString(Path.of("src/main/resources/application.yml"));
            var m = BASENAME.matcher(yml);
            if (!m.find()) {
                throw new IllegalStateException("spring.messages.basename is not set in application.yml");
            }
            return Arrays.stream(m.group(1).split(",")).map(String::trim).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames(basenames().toArray(String[]::new));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
