package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * One way for text: every bundle is registered once with the application's {@code MessageSource}, French is the
 * default bundle, English its own bundle with the same keys, and not a copy of the French one.
 */
class MessageBundlesTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");

    /** Values the same in both languages for a reason: names, and words French and English share. */
    private static final double MOST_IDENTICAL = 0.05;

    private static final Set<String> ALWAYS_FORMATTED = Set.of("i18n/mail", "i18n/requests");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    void everyBundleIsRegisteredOnceWithTheMessageSource() throws IOException {
        var basenames = Bundles.basenames();
        assertThat(basenames).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(basenames)).isEqualTo(new TreeSet<>(defaults()));
    }

    @Test
    void frenchIsTheDefaultBundleAndEnglishItsOwn() throws IOException {
        try (var files = Files.list(I18N)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .allMatch(name -> !name.contains("_") || name.endsWith("_en.properties"));
        }
        for (var basename : Bundles.basenames()) {
            assertThat(bundle(basename, "_en")).as(basename + "_en").isNotEmpty();
        }
    }

    @Test
    void noKeyIsWrittenTwiceInABundleFile() throws IOException {
        // java.util.Properties keeps the last of two lines with one key: the first one's text is silently lost
        var twice = new TreeSet<String>();
        try (var files = Files.list(I18N)) {
            for (var file :
                    files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                var seen = new java.util.HashSet<String>();
                for (var line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int equals = line.indexOf('=');
                    if (equals > 0 && !line.startsWith("#") && !Character.isWhitespace(line.charAt(0))) {
                        var key = line.substring(0, equals).strip();
                        if (!seen.add(key)) {
                            twice.add(file.getFileName() + ": " + key);
                        }
                    }
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void noKeyIsWrittenInTwoBundles() throws IOException {
        // the first bundle registered wins: a label written in two places is edited in one and shown from the other
        var owner = new java.util.HashMap<String, String>();
        var twice = new TreeSet<String>();
        for (var basename : Bundles.basenames()) {
            for (var key : bundle(basename, "").stringPropertyNames()) {
                var first = owner.putIfAbsent(key, basename);
                if (first != null) {
                    twice.add(key + " in " + first + " and " + basename);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyKeyExistsInFrenchAndInEnglish() throws IOException {
        for (var basename : Bundles.basenames()) {
            var french = bundle(basename, "").stringPropertyNames();
            var english = bundle(basename, "_en").stringPropertyNames();
            assertThat(new TreeSet<>(english))
                    .as("keys of %s_en.properties against %s.properties", basename, basename)
                    .isEqualTo(new TreeSet<>(french));
        }
    }

    @Test
    void englishBundleIsNotACopyOfTheFrenchOne() throws IOException {
        int keys = 0;
        var identical = new TreeSet<String>();
        for (var basename : Bundles.basenames()) {
            var french = bundle(basename, "");
            var english = bundle(basename, "_en");
            for (var key : french.stringPropertyNames()) {
                keys++;
                if (french.getProperty(key).equals(english.getProperty(key))) {
                    identical.add(key);
                }
            }
        }
        assertThat((double) identical.size() / keys)
                .as("share of values identical in French and English: %s", identical)
                .isLessThan(MOST_IDENTICAL);
    }

    /**
     * A text with arguments goes through {@link java.text.MessageFormat}, where an apostrophe is doubled; a text without
     * comes back as written. Mail templates and letters are always formatted.
     */
    @Test
    void apostrophesAreWrittenAsEachTextIsFormatted() throws IOException {
        var wrong = new TreeSet<String>();
        for (var basename : Bundles.basenames()) {
            for (var suffix : List.of("", "_en")) {
                var bundle = bundle(basename, suffix);
                for (var key : bundle.stringPropertyNames()) {
                    var value = bundle.getProperty(key);
                    boolean formatted = ALWAYS_FORMATTED.contains(basename)
                            || PLACEHOLDER.matcher(value).find();
                    if (formatted ? LONE_APOSTROPHE.matcher(value).find() : value.contains("''")) {
                        wrong.add(basename + suffix + ": " + key);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * A choice branch that holds an argument is formatted a second time, where a doubled apostrophe quotes again and
     * disappears ("d''ici" came out "dici"): such branches write the typographic apostrophe.
     */
    @Test
    void choiceBranchesWithArgumentsKeepTheirApostrophes() throws IOException {
        var wrong = new TreeSet<String>();
        for (var basename : Bundles.basenames()) {
            for (var suffix : List.of("", "_en")) {
                var bundle = bundle(basename, suffix);
                for (var key : bundle.stringPropertyNames()) {
                    var value = bundle.getProperty(key);
                    if (value.contains(",choice,") && value.contains("''")) {
                        wrong.add(basename + suffix + ": " + key);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * French text writes the typographic apostrophe (« l’état », « d’accès »): a page or a letter that mixed it with the
     * typewriter one read as unedited (officer's walk of 2026-12-05). Date patterns keep their quoted literals.
     */
    @Test
    void frenchTextWritesTheTypographicApostrophe() throws IOException {
        var wrong = new TreeSet<String>();
        for (var basename : Bundles.basenames()) {
            var bundle = bundle(basename, "");
            for (var key : bundle.stringPropertyNames()) {
                if (!key.contains(".date.")
                        && FrenchTypography.TYPEWRITER_APOSTROPHE
                                .matcher(bundle.getProperty(key))
                                .find()) {
                    wrong.add(basename + ": " + key);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * French text puts a narrow no-break space before « ; », « ? » and « ! » (never a line break before them): half of
     * the messages had a space and half none, side by side on one page (officer's walk of 2026-12-05).
     */
    @Test
    void frenchTextPutsANarrowNoBreakSpaceBeforeTallPunctuation() throws IOException {
        assertThat(frenchKeysWhere(FrenchTypography.TALL_PUNCTUATION_WITHOUT_NARROW_SPACE))
                .isEmpty();
    }

    /**
     * French text never breaks a line before « : » either: a colon after a word and an ordinary space wrapped to the
     * start of the next line at 390 px ("configuré / : les messages", officer's walk of 2026-12-06). The space before a
     * colon is a no-break one (narrow, as before « ; ? ! »); a colon right after a word is code ({@code phone:}).
     */
    @Test
    void frenchTextNeverBreaksALineBeforeAColon() throws IOException {
        assertThat(frenchKeysWhere(FrenchTypography.COLON_AFTER_A_WIDE_SPACE))
                .filteredOn(key -> !key.contains(".date."))
                .isEmpty();
    }

    /**
     * French text holds its quotation marks with a narrow no-break space, « ainsi » (officer's walk of 2026-12-06: 126
     * strings with an ordinary space, which a line may break at, leaving « alone at a line's end).
     */
    @Test
    void frenchTextHoldsItsGuillemetsWithANarrowNoBreakSpace() throws IOException {
        assertThat(frenchKeysWhere(FrenchTypography.GUILLEMETS_WITHOUT_NARROW_SPACE))
                .isEmpty();
    }

    /** The French messages in which {@code pattern} is found, as {@code bundle: key}. */
    private static java.util.Set<String> frenchKeysWhere(Pattern pattern) throws IOException {
        var found = new TreeSet<String>();
        for (var basename : Bundles.basenames()) {
            var bundle = bundle(basename, "");
            for (var key : bundle.stringPropertyNames()) {
                if (pattern.matcher(bundle.getProperty(key)).find()) {
                    found.add(basename + ": " + key);
                }
            }
        }
        return found;
    }

    @Test
    void anEnglishOrUnknownServerLocaleStillAnswersInFrenchByDefault() {
        var before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            new ApplicationContextRunner()
                    .withInitializer(new ConfigDataApplicationContextInitializer())
                    .withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
                    .run(context -> {
                        assertThat(context.getMessage("nav.dashboard", null, Locale.GERMAN))
                                .isEqualTo("Tableau de bord");
                        assertThat(context.getMessage("nav.dashboard", null, Locale.CANADA_FRENCH))
                                .isEqualTo("Tableau de bord");
                        assertThat(context.getMessage("nav.dashboard", null, Locale.CANADA))
                                .isEqualTo("Dashboard");
                        assertThat(context.getMessage("mail.requests.code.subject", null, Locale.FRENCH))
                                .isEqualTo("Votre code de vérification");
                        assertThat(context.getMessage("letter.title", null, Locale.ENGLISH))
                                .isEqualTo("Answer to your request");
                    });
        } finally {
            Locale.setDefault(before);
        }
    }

    private static Stream<String> defaultNames() throws IOException {
        return Files.list(I18N)
                .map(f -> f.getFileName().toString())
                .filter(name -> name.endsWith(".properties") && !name.contains("_"))
                .map(name -> "i18n/" + name.substring(0, name.length() - ".properties".length()));
    }

    private static List<String> defaults() throws IOException {
        try (var names = defaultNames()) {
            return names.toList();
        }
    }

    private static Properties bundle(String basename, String suffix) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Path.of("src/main/resources", basename + suffix + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
