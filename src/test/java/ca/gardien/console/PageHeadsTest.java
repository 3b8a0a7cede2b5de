package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every page takes its head from one fragment (the console's {@code fragments :: head}, the portal's form pages
 * {@code portal/rights-head :: head}), so that a style sheet, a script or a meta tag is added once for all; every
 * console page's main region is the skip link's target; and no page or script styles an element of its own, which the
 * Content-Security-Policy ({@code style-src 'self'}) blocks.
 */
class PageHeadsTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SCRIPTS = Path.of("src/main/resources/static");

    /** A style written in a page: an attribute (plain, Thymeleaf's or set through th:attr) or a style element. */
    private static final Pattern INLINE_STYLE =
            Pattern.compile("(?i)[\\s\"'](?:th:)?style(?:append)?\\s*=|<style[\\s>]|th:attr=\"[^\"]*\\bstyle\\s*=");

    /** A style a script writes as text: an attribute set, a whole declaration, or markup with one in it. */
    private static final Pattern SCRIPTED_STYLE = Pattern.compile(
            "setAttribute\\(\\s*['\"]style['\"]|\\.cssText\\b|\\bstyle\\s*=\\s*\\\\?['\"]|<style[\\s>]");

    /**
     * Officer's review in Chromium: "Applying inline style violates the following Content Security Policy directive
     * 'style-src 'self''" on the data map (its picture had {@code style="max-width:100%"}, which gardien.css already
     * says of every image). A class of the console's style sheet does it; a script sets a style's properties, never its
     * text.
     */
    @Test
    void noPageOrScriptWritesAStyleOfItsOwn() throws IOException {
        var styled = new ArrayList<String>();
        for (var root : java.util.List.of(TEMPLATES, SCRIPTS)) {
            try (var files = Files.walk(root)) {
                for (var file : files.filter(f ->
                                f.toString().endsWith(".html") || f.toString().endsWith(".js"))
                        .toList()) {
                    var text = Files.readString(file);
                    var pattern = file.toString().endsWith(".js") ? SCRIPTED_STYLE : INLINE_STYLE;
                    var lines = text.split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        if (pattern.matcher(lines[i]).find()) {
                            styled.add(root.relativize(file) + ":" + (i + 1) + ": " + lines[i].strip());
                        }
                    }
                }
            }
        }
        assertThat(styled).as("styles written in a page or by a script").isEmpty();
    }

    @Test
    void noPageWritesItsOwnHeadAndEveryConsoleMainIsTheSkipTarget() throws IOException {
        var ownHead = new ArrayList<String>();
        var noTarget = new ArrayList<String>();
        try (var files = Files.walk(TEMPLATES)) {
            for (var file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                var name = TEMPLATES.relativize(file).toString();
                var html = Files.readString(file);
                if (html.contains("<meta charset") && !html.contains("th:fragment=\"head(")) {
                    ownHead.add(name);
                }
                if (name.startsWith("console/") && html.contains("<main") && !html.contains("<main id=\"main\"")) {
                    noTarget.add(name);
                }
            }
        }
        assertThat(ownHead).as("pages with a head of their own").isEmpty();
        assertThat(noTarget).as("console pages whose main is not #main").isEmpty();
    }
}
