package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One way for text: user-visible words come from the message bundles, asked for by key and locale. No Java code tests
 * the language to choose a text, and no Java literal holds French words or sentences of a page; templates do not test
 * the locale either.
 */
class OneWayForTextTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    /** Comparing a language to pick a text: {@code "en".equals(...)}, a ternary between locales, a language flag. */
    private static final Pattern LANGUAGE_TEST =
            Pattern.compile("\"(?:en|fr)\"\\s*\\.\\s*(?:equals|equalsIgnoreCase|contentEquals)\\s*\\("
                    + "|\\.equals(?:IgnoreCase)?\\(\\s*\"(?:en|fr)\"\\s*\\)"
                    + "|Objects\\.equals\\([^;]*\"(?:en|fr)\"\\s*\\)"
                    + "|case\\s+\"(?:en|fr)\""
                    + "|getLanguage\\(\\)\\s*[=!]="
                    + "|Locale\\.[A-Z_]+\\s*\\.equals\\(|\\.equals\\(\\s*Locale\\.[A-Z_]+\\s*\\)"
                    + "|\\?\\s*Locale\\.[A-Z_]+\\s*:\\s*Locale\\.[A-Z_]+"
                    + "|boolean\\s+(?:en|fr|english|french)\\s*=");

    /** A word written with a French accent. */
    private static final Pattern ACCENTED_WORD = Pattern.compile("\\p{L}*[àâçéèêëîïôûùüÿœæÀÂÇÉÈÊËÎÏÔÛÙÜŸŒÆ]\\p{L}*");

    /** Proper names that keep their accents in any language. */
    private static final List<String> PROPER_NAMES = List.of("Commission d'accès à l'information", "Québec");

    /** French words that no identifier, SQL or English message uses: two of them make a French sentence. */
    private static final Set<String> FRENCH_WORDS = Set.of(
            "vous", "votre", "vos", "nous", "notre", "nos", "les", "des", "une", "est", "pour", "avec", "dans", "sur",
            "pas", "aux", "sont", "cette", "ces", "ou", "et", "le", "la", "du", "au");

    /** Words between two tags of HTML written in Java: a page's text outside the templates. */
    private static final Pattern HTML_WORDS =
            Pattern.compile("</?[a-zA-Z][^<>]*>[^<>]*\\p{L}{2,}\\s+\\p{L}{2,}[^<>]*</?[a-zA-Z]");

    /** A sentence handed to a page's model as it is. */
    private static final Pattern MODEL_SENTENCE =
            Pattern.compile("add(?:Flash)?Attribute\\(\\s*\"[^\"]*\"\\s*,\\s*\"[^\"]*\\p{L}+\\s+\\p{L}+[^\"]*\"");

    /** A template comparing the locale instead of asking the bundles. */
    private static final Pattern TEMPLATE_LANGUAGE_TEST =
            Pattern.compile("#locale(?:\\.language)?\\s*(?:==|!=|eq\\b|ne\\b)|#locale(?:\\.language)?\\.equals");

    /** Files allowed to hold French words in literals, and why. */
    private static final Map<String, String> ALLOWED = Map.of(
            "ca/gardien/organization/DemoProfile.java",
            "the demo organization's profile: data an officer would type in (names, address, titles), not interface"
                    + " text");

    /** The construction of a field error or of a domain refusal whose message a person reads. */
    private static final Pattern REFUSAL =
            Pattern.compile("(?:new\\s+(?:[\\w.]+\\.)?(?:FieldError|InvalidInputException|ConflictException"
                    + "|NotFoundException|ConnectorRefusedException|TargetUnavailableException|PackageGoneException"
                    + "|ConsentRuleViolation|RequestProblem|OpenComplianceException|InvalidDataMapException|MapError)"
                    + "|FieldError\\.of|MapError\\.of|(?<![\\w.])error|fields\\.error|throw\\s+invalid"
                    + "|ProblemDetail\\.forStatusAndDetail|\\.setDetail|\\.setTitle)\\s*\\(");

    /** Two words and a space: a sentence, where a key would be {@code module.what.which}. */
    private static final Pattern SENTENCE = Pattern.compile("\\p{L}+\\s+\\p{L}+");

    /** Files whose refusals still hold sentences, and why; take a file off when it is converted. */
    private static final Map<String, String> SENTENCES_ALLOWED = Map.ofEntries(
            Map.entry(
                    "ca/gardien/opencompliance/OpenComplianceProcessor.java",
                    "OpenCompliance wire-format errors (specification section 7.6), machine-read, English"),
            Map.entry(
                    "ca/gardien/opencompliance/SubmissionStatuses.java",
                    "OpenCompliance wire-format errors (specification section 7.6), machine-read, English"));

    @Test
    void noJavaCodeTestsTheLanguageToChooseAText() throws IOException {
        var found = new ArrayList<String>();
        for (var file : javaSources()) {
            var code = JavaText.of(Files.readString(file)).code();
            var m = LANGUAGE_TEST.matcher(code);
            while (m.find()) {
                found.add(name(file) + ": " + m.group());
            }
        }
        assertThat(found)
                .as("language tests in Java; ask the bundles by key and locale")
                .isEmpty();
    }

    @Test
    void noJavaLiteralHoldsFrenchText() throws IOException {
        var found = new TreeSet<String>();
        for (var file : javaSources()) {
            if (ALLOWED.containsKey(name(file))) {
                continue;
            }
            for (var literal : JavaText.of(Files.readString(file)).literals()) {
                if (french(literal)) {
                    found.add(name(file) + ": " + literal);
                }
            }
        }
        assertThat(found)
                .as("French text in Java literals; put it in i18n/*.properties")
                .isEmpty();
    }

    @Test
    void noJavaLiteralHoldsTheWordsOfAPage() throws IOException {
        var found = new TreeSet<String>();
        for (var file : javaSources()) {
            var text = JavaText.of(Files.readString(file));
            text.literals().stream()
                    .filter(l -> HTML_WORDS.matcher(l).find())
                    .forEach(l -> found.add(name(file) + ": " + l));
            var m = MODEL_SENTENCE.matcher(text.code());
            while (m.find()) {
                found.add(name(file) + ": " + m.group());
            }
        }
        assertThat(found)
                .as("page text in Java; put it in the template or the bundles")
                .isEmpty();
    }

    /**
     * A field error or a refusal that reaches a person names a bundle key, not a sentence: {@code FieldError.of("email",
     * "requests.field.invalid-email")}, {@code new ConflictException("organization.conflict.last-officer")}. Files not
     * converted yet are on {@link #SENTENCES_ALLOWED}, each with its reason; the list only shrinks.
     */
    @Test
    void refusalsNameABundleKeyNotASentence() throws IOException {
        var found = new TreeSet<String>();
        for (var file : javaSources()) {
            if (!SENTENCES_ALLOWED.containsKey(name(file))) {
                sentencesInRefusals(JavaText.of(Files.readString(file))).forEach(s -> found.add(name(file) + ": " + s));
            }
        }
        assertThat(found)
                .as("English or French sentences in field errors and domain refusals; name a key of i18n/messages")
                .isEmpty();
    }

    @Test
    void everyFileAllowedSentencesInRefusalsStillHasOne() throws IOException {
        for (var name : SENTENCES_ALLOWED.keySet()) {
            assertThat(sentencesInRefusals(JavaText.of(Files.readString(SOURCES.resolve(name)))))
                    .as(name + " is converted: take it off SENTENCES_ALLOWED")
                    .isNotEmpty();
        }
    }

    @Test
    void theRefusalScanRecognizesSentencesAndAcceptsKeys() {
        var code = JavaText.of("""
                class A {
                    void a() {
                        errors.add(new FieldError("email", "is not a valid email"));
                        errors.add(FieldError.of("items[" + i + "].purpose", "shared.field.required"));
                        throw new InvalidInputException("note", "must be at most " + MAX + " characters");
                    }
                    void b() { throw new ConflictException("consent.conflict.different-subjects"); }
                    void c() { throw new NotFoundException("data subject", id); }
                    void d() { throw new IllegalStateException("not a refusal a person reads"); }
                    void e() { errors.add(new MapError("", "the document is empty")); error(at, "is required"); }
                    void f() { fields.error(at + ".id", "duplicate id '" + id + "'"); log.error("Cannot append {}", at); }
                    void h() { throw invalid("datasets", "is not valid YAML"); }
                    void i() { throw new ca.gardien.shared.ConflictException("The task is already done."); }
                    void g() { fields.error(at, "inventory.map.empty"); errors.add(MapError.of(at, "inventory.map.id")); }
                    void j() { var p = ProblemDetail.forStatusAndDetail(FORBIDDEN, "Change the password first."); }
                    void k() { p.setTitle("Too many failed sign-ins"); p.setDetail(messages.getMessage(key, null, l)); }
                }
                """);
        assertThat(sentencesInRefusals(code))
                .containsExactly(
                        "new FieldError(\"email\", \"is not a valid email\")",
                        "new InvalidInputException(\"note\", \"must be at most \" + MAX + \" characters\")",
                        "new NotFoundException(\"data subject\", id)",
                        "new MapError(\"\", \"the document is empty\")",
                        "error(at, \"is required\")",
                        "fields.error(at + \".id\", \"duplicate id '\" + id + \"'\")",
                        "throw invalid(\"datasets\", \"is not valid YAML\")",
                        "new ca.gardien.shared.ConflictException(\"The task is already done.\")",
                        "ProblemDetail.forStatusAndDetail(FORBIDDEN, \"Change the password first.\")",
                        ".setTitle(\"Too many failed sign-ins\")");
    }

    private static List<String> sentencesInRefusals(JavaText text) {
        var found = new ArrayList<String>();
        var code = text.code();
        var m = REFUSAL.matcher(code);
        while (m.find()) {
            int depth = 0;
            int end = m.end() - 1;
            do {
                char c = code.charAt(end);
                if (c == '"') {
                    end = skipLiteral(code, end);
                    continue;
                }
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                end++;
            } while (depth > 0 && end < code.length());
            var call = code.substring(m.start(), end);
            if (JavaText.of(call).literals().stream()
                    .anyMatch(l -> SENTENCE.matcher(l).find())) {
                found.add(call.replaceAll("\\s+", " "));
            }
        }
        return found;
    }

    private static int skipLiteral(String code, int start) {
        int j = start + 1;
        while (j < code.length() && code.charAt(j) != '"') {
            j += code.charAt(j) == '\\' ? 2 : 1;
        }
        return j + 1;
    }

    @Test
    void noTemplateTestsTheLocale() throws IOException {
        var found = new ArrayList<String>();
        try (var files = Files.walk(TEMPLATES)) {
            for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var m = TEMPLATE_LANGUAGE_TEST.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(TEMPLATES.relativize(file) + ": " + m.group());
                }
            }
        }
        assertThat(found).as("locale tests in templates; use #{...} keys").isEmpty();
    }

    @Test
    void theScanRecognizesWhatItForbids() {
        var code = JavaText.of("""
                class A {
                    // "en".equals(x) in a comment is fine
                    String a(Locale l) { return "en".equals(l.getLanguage()) ? "Bonjour à vous" : "Hello"; }
                    String b() { return "<p>Something went wrong</p>"; }
                    void c(Model m) { m.addAttribute("notice", "Saved with success"); log.info("Vous et les autres"); }
                }
                """);
        assertThat(LANGUAGE_TEST.matcher(code.code()).results().count()).isEqualTo(1);
        assertThat(code.literals().stream().filter(OneWayForTextTest::french))
                .containsExactly("Bonjour à vous", "Vous et les autres");
        assertThat(code.literals().stream().filter(l -> HTML_WORDS.matcher(l).find()))
                .containsExactly("<p>Something went wrong</p>");
        assertThat(MODEL_SENTENCE.matcher(code.code()).find()).isTrue();
        assertThat(french("must be outside Québec")).isFalse();
        assertThat(french("SELECT id, status FROM rights_request WHERE id = ?")).isFalse();
        assertThat(HTML_WORDS.matcher("WHERE sequence >= ? AND sequence <= ?").find())
                .isFalse();
    }

    @Test
    void everyAllowedFileStillNeedsItsException() throws IOException {
        for (var name : ALLOWED.keySet()) {
            var literals = JavaText.of(Files.readString(SOURCES.resolve(name))).literals();
            assertThat(literals).as(name).anyMatch(OneWayForTextTest::french);
        }
    }

    private static boolean french(String literal) {
        var text = literal;
        for (var name : PROPER_NAMES) {
            text = text.replace(name, "");
        }
        if (ACCENTED_WORD.matcher(text).find()) {
            return true;
        }
        var words = Stream.of(text.toLowerCase().split("[^\\p{L}']+"))
                .filter(FRENCH_WORDS::contains)
                .distinct()
                .count();
        return words >= 2;
    }

    private static List<Path> javaSources() throws IOException {
        try (var files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String name(Path file) {
        return SOURCES.relativize(file).toString().replace('\\', '/');
    }

    /** A Java source split into its code (comments removed, literals kept) and its string literals' contents. */
    record JavaText(String code, List<String> literals) {

        static JavaText of(String source) {
            var code = new StringBuilder();
            var literals = new ArrayList<String>();
            int i = 0;
            int n = source.length();
            while (i < n) {
                char c = source.charAt(i);
                if (source.startsWith("//", i)) {
                    i = end(source, source.indexOf('\n', i));
                } else if (source.startsWith("/*", i)) {
                    i = end(source, source.indexOf("*/", i + 2)) + 2;
                } else if (source.startsWith("\"\"\"", i)) {
                    int close = end(source, source.indexOf("\"\"\"", i + 3));
                    literals.add(source.substring(i + 3, Math.min(close, n)));
                    code.append(source, i, Math.min(close + 3, n));
                    i = close + 3;
                } else if (c == '"' || c == '\'') {
                    int j = i + 1;
                    while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                        j += source.charAt(j) == '\\' ? 2 : 1;
                    }
                    if (c == '"') {
                        literals.add(source.substring(i + 1, Math.min(j, n)));
                    }
                    code.append(source, i, Math.min(j + 1, n));
                    i = j + 1;
                } else {
                    code.append(c);
                    i++;
                }
            }
            return new JavaText(code.toString(), literals);
        }

        private static int end(String source, int index) {
            return index < 0 ? source.length() : index;
        }
    }
}
