package ca.gardien.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The code that Markdown pages name in backticks: {@code `RoleMatrixTest`}, {@code `security/RoleMatrixTest`},
 * {@code `RoleMatrixTest#noOperationAnswersAServerErrorToAnyCaller`}, and {@code `Class#method`} for any class. A name
 * ending in {@code Test} or {@code Tests} is a test and must be a file of the test sources, and its method a
 * {@code void} method of the class or of a class it extends; any other {@code Class#method} is checked only when a
 * source file of that name exists (so that {@code `Class#method`} can stand for the pattern itself).
 */
final class DocReferences {

    /** A backticked reference: an optional folder, a class name, an optional method. */
    static final Pattern REFERENCE =
            Pattern.compile("`((?:[a-z][a-z0-9]*/)*)([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:#([a-z][A-Za-z0-9]*))?`");

    private static final Pattern EXTENDS = Pattern.compile("\\bclass\\s+\\w+(?:<[^{]*?>)?\\s+extends\\s+([A-Z]\\w*)");

    /** A source file: its path relative to its source root, with {@code /}, and its text. */
    record Source(String path, String text) {}

    /** One reference found on a page; {@code method} is empty for a class alone. */
    record Reference(String page, int line, String folder, String type, String method) {

        boolean namesATest() {
            return type.endsWith("Test") || type.endsWith("Tests");
        }

        @Override
        public String toString() {
            return page + ":" + line + ": `" + folder + type + (method.isEmpty() ? "" : "#" + method) + "`";
        }
    }

    private final Map<String, List<Source>> tests;
    private final Map<String, List<Source>> everything;

    DocReferences(Map<String, List<Source>> tests, Map<String, List<Source>> main) {
        this.tests = tests;
        this.everything = new HashMap<>(main);
        tests.forEach((name, sources) -> everything.merge(
                name, sources, (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
    }

    /** Reads every {@code .java} file under the test and main source roots. */
    static DocReferences of(Path testRoot, Path mainRoot) {
        return new DocReferences(sources(testRoot), sources(mainRoot));
    }

    static Map<String, List<Source>> sources(Path root) {
        var byName = new HashMap<String, List<Source>>();
        try (var files = Files.walk(root)) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                var name = file.getFileName().toString().replace(".java", "");
                var path = root.relativize(file).toString().replace('\\', '/');
                byName.computeIfAbsent(name, n -> new ArrayList<>()).add(new Source(path, Files.readString(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byName;
    }

    /** Every reference of a page, in order. */
    static List<Reference> references(String page, String markdown) {
        var found = new ArrayList<Reference>();
        var lines = markdown.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var matcher = REFERENCE.matcher(lines[i]);
            while (matcher.find()) {
                found.add(new Reference(
                        page,
                        i + 1,
                        matcher.group(1),
                        matcher.group(2),
                        Optional.ofNullable(matcher.group(3)).orElse("")));
            }
        }
        return found;
    }

    /** The references of a page that name a test, class or method the sources do not have. */
    List<Reference> broken(String page, String markdown) {
        return references(page, markdown).stream().filter(r -> !holds(r)).toList();
    }

    private boolean holds(Reference reference) {
        var candidates = (reference.namesATest() ? tests : everything)
                .getOrDefault(reference.type(), List.of()).stream()
                        .filter(s -> s.path().endsWith(reference.folder() + reference.type() + ".java"))
                        .toList();
        if (candidates.isEmpty()) {
            return !reference.namesATest() && !everything.containsKey(reference.type());
        }
        if (reference.method().isEmpty()) {
            return true;
        }
        var declared = reference.namesATest()
                ? Pattern.compile("\\bvoid\\s+" + reference.method() + "\\s*\\(")
                : Pattern.compile("\\b" + reference.method() + "\\s*\\(");
        return candidates.stream().anyMatch(s -> declares(s, declared, 0));
    }

    /** Whether a source or one of the classes it extends (in the sources read) declares the method. */
    private boolean declares(Source source, Pattern declared, int depth) {
        if (declared.matcher(source.text()).find()) {
            return true;
        }
        var parent = EXTENDS.matcher(source.text());
        return depth < 8
                && parent.find()
                && everything.getOrDefault(parent.group(1), List.of()).stream()
                        .anyMatch(s -> declares(s, declared, depth + 1));
    }
}
