package ca.gardien.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser tab on Gardien for page audits, shared by the browser tests: sign in, set the viewport (390 px for a
 * phone), open a page, and check it as a person would meet it:
 *
 * <ul>
 *   <li>{@link #seriousAxeViolations()}: axe-core (the {@code org.webjars.npm:axe-core} test dependency) run in the
 *       page through DevTools, so the page keeps its strict CSP; the serious and critical violations only;
 *   <li>{@link #pageWidth()}: the document's {@code scrollWidth}, to compare with the viewport;
 *   <li>{@link #wordingProblems(String, String, Set)} on {@link #visibleText()}: broken message keys, raw enum values,
 *       data-map (YAML) paths, and sentences in the other language.
 * </ul>
 *
 * <p>Use {@link HeadlessChromium#assumeAvailable()} first. Text inside an element marked {@code data-raw} (a raw
 * ledger entry, a code an officer types) or carrying its own {@code lang} (the language switch, a person's own words)
 * is not checked for wording; text inside a closed {@code <details>} is.
 */
public final class PageAudit implements AutoCloseable {

    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;
    public static final int DESKTOP_WIDTH = 1280;
    public static final Duration WAIT = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern BROKEN_KEY = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
    private static final Pattern UNDERSCORED_CONSTANT = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b");
    private static final Pattern WORD = Pattern.compile("\\b[A-Z][A-Z0-9]{3,}\\b");
    /** French spacing before a colon ("Email : …") on an English page. */
    private static final Pattern SPACED_COLON = Pattern.compile("\\p{L}[)»]? :(?=\\s|$)");
    /** A sentence's period after a name's ("Groupe Exemple inc.."), not an ellipsis. */
    private static final Pattern DOUBLE_PERIOD = Pattern.compile("(?<!\\.)\\.\\.(?!\\.)");
    /** A data-map path as the YAML names it: a collection, a slash, an id ({@code thirdParties/payment-processor}). */
    private static final Pattern YAML_PATH = Pattern.compile(
            "\\b(?:systems|thirdParties|piCategories|purposes|transfers|datasets|processingActivities|organization"
                    + "|retention|sources|recipients)/[A-Za-z0-9][\\w.-]*");
    /** An identifier as Gardien keeps them (a UUID): a record's, a person's, a run's id, never words for a person. */
    private static final Pattern RAW_ID =
            Pattern.compile("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b");
    /** Upper-case words that are names or abbreviations in both languages, never enum values. */
    private static final Set<String> ABBREVIATIONS = Set.of(
            "YAML", "JSON", "JSONL", "HTML", "HTTP", "HTTPS", "JDBC", "SMTP", "LPRPDE", "PIPEDA", "GARDIEN", "UUID",
            "SHA256", "EDDSA", "ED25519", "PDF", "ZIP", "OAUTH", "OIDC", "SAML", "TOTP", "CRM", "URL", "TCF", "GPC",
            "IAB", "ISO", "PEM", "SQL", "H2", "AUTO");

    private static final Set<String> ENGLISH = Set.of(
            "the",
            "and",
            "is",
            "are",
            "of",
            "to",
            "with",
            "must",
            "cannot",
            "this",
            "that",
            "for",
            "not",
            "be",
            "your",
            "you",
            "has",
            "have",
            "will",
            "from",
            "by",
            "was",
            "were",
            "which",
            "been",
            "there",
            "into",
            "should",
            "no",
            "yet",
            "any",
            "all",
            "or",
            "in",
            "at",
            "it",
            "its",
            "can",
            "open",
            "new",
            "request",
            "requests");
    private static final Set<String> FRENCH = Set.of(
            "le",
            "la",
            "les",
            "des",
            "du",
            "est",
            "sont",
            "et",
            "une",
            "un",
            "pour",
            "avec",
            "dans",
            "sur",
            "par",
            "pas",
            "ne",
            "au",
            "aux",
            "vous",
            "votre",
            "vos",
            "ce",
            "cette",
            "ces",
            "qui",
            "que",
            "aucun",
            "aucune",
            "ou",
            "demande",
            "demandes",
            "être",
            "été",
            "à",
            "déjà",
            "ni",
            "où",
            "leur",
            "leurs",
            "sans");

    private final ChromiumSession session;
    private final String base;

    private PageAudit(ChromiumSession session, String base) {
        this.session = session;
        this.base = base;
    }

    /** Opens Chromium on {@code base} (for instance {@code http://127.0.0.1:port}) with a fresh profile. */
    public static PageAudit open(String base, Path profile) throws IOException, InterruptedException {
        var session = ChromiumSession.open(base + "/login", profile);
        session.waitFor("location.pathname === '/login' && document.readyState === 'complete'", WAIT);
        return new PageAudit(session, base);
    }

    public ChromiumSession session() {
        return session;
    }

    /** Sets the layout viewport, as a phone (390 px) or a desktop would have it; the next page uses it. */
    public void viewport(int width, int height) {
        session.command(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    }

    /** Signs in on the login page with a password of the account's own. */
    public void signIn(String username, String password) throws InterruptedException {
        go("/login");
        session.evaluate("document.getElementById('username').value = " + js(username) + ";"
                + "document.getElementById('password').value = " + js(password) + ";"
                + "window.__auditOld = true;"
                + "document.getElementById('password').form.requestSubmit(); 'sent'");
        session.waitFor("!window.__auditOld && location.pathname.startsWith('/console')", WAIT);
    }

    /** Opens {@code path} (relative to the base) and waits for the page to load; returns the HTTP status. */
    public int go(String path) throws InterruptedException {
        session.evaluate("window.__auditOld = true; 'marked'");
        session.command("Page.navigate", Map.of("url", base + path));
        session.waitFor("!window.__auditOld && document.readyState === 'complete'", WAIT);
        var status =
                session.evaluate("String((performance.getEntriesByType('navigation')[0] || {}).responseStatus || 0)");
        return Integer.parseInt(status);
    }

    /** The page's language ({@code <html lang>}). */
    public String language() {
        return session.evaluate("document.documentElement.lang");
    }

    /** The width of the whole document, in CSS pixels. */
    public int pageWidth() {
        return Integer.parseInt(session.evaluate("String(document.documentElement.scrollWidth)"));
    }

    /**
     * The visible table headers too narrow for their longest word (a header squeezed letter by letter), by their text;
     * empty when every header keeps its words whole.
     */
    public String brokenHeaders() {
        return session.evaluate("(() => { const c = document.createElement('canvas').getContext('2d'); const out = [];"
                + " for (const th of document.querySelectorAll('th')) { if (!th.offsetParent) continue;"
                + " const s = getComputedStyle(th); c.font = s.fontStyle + ' ' + s.fontWeight + ' ' + s.fontSize + ' '"
                + " + s.fontFamily; const inner = th.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight);"
                + " const words = th.innerText.split(/\\s+/).filter(w => w);"
                + " const longest = Math.max(0, ...words.map(w => c.measureText(w).width));"
                + " if (longest > inner + 1) out.push(th.innerText.trim()); } return out.join(' | '); })()");
    }

    /**
     * The references (R-2026-00042, C-…, I-…) shown over two lines, by their text; empty when each stays on one
     * (officer's walk at 390 px: "R-" at the end of a line, "2026-00042" on the next). A recorded payload (in {@code pre}) is
     * left as it was recorded; a message's text keeps its references whole.
     */
    public String brokenReferences() {
        return session.evaluate("(() => { const out = []; const re = /\\b[RCI]-\\d{4}-\\d{3,}\\b/g;"
                + " const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);"
                + " while (walk.nextNode()) { const n = walk.currentNode; const p = n.parentElement;"
                + " if (!p || !p.offsetParent || p.closest('pre:not(.mail-body)')) continue; for (const m of n.data.matchAll(re)) {"
                + " const r = document.createRange(); r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);"
                + " const tops = new Set([...r.getClientRects()].filter(x => x.width > 0).map(x => Math.round(x.top)));"
                + " if (tops.size > 1) out.push(m[0] + ' in ' + p.tagName.toLowerCase() + (p.id ? '#' + p.id : '')"
                + " + (p.className ? '.' + p.className : '')); } } return out.join(' | '); })()");
    }

    /** The widest elements that stick out of the viewport on the right (to say what to fix). */
    public String widestElements() {
        return session.evaluate("(() => { const w = document.documentElement.clientWidth; const out = [];"
                + "for (const e of document.body.querySelectorAll('*')) { const r = e.getBoundingClientRect();"
                + " if (r.right > w + 1) out.push([Math.round(r.right), e.tagName.toLowerCase() + (e.id ? '#' + e.id"
                + " : '') + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')]); }"
                + "out.sort((a, b) => b[0] - a[0]); return out.slice(0, 5).map(x => x[1] + ' ' + x[0]).join(', ');"
                + "})()");
    }

    /**
     * Runs axe-core in the page and lists its serious and critical violations, each as its rule id, impact and the
     * first elements concerned.
     */
    public List<String> seriousAxeViolations() {
        if (!"true".equals(session.evaluate("String(typeof window.axe === 'object')"))) {
            session.evaluate(AxeScript.SOURCE + "; 'loaded'");
        }
        var json = session.evaluateAwaiting("axe.run(document, {resultTypes: ['violations']}).then(r => "
                + "JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' '))"
                + ".join(' | '))))");
        return Arrays.asList(JSON.readValue(json, String[].class));
    }

    /**
     * The text a person sees, line by line, without the elements marked {@code data-raw} or in a language of their
     * own ({@code lang} on an element below {@code <html>}), nor scripts. A closed {@code <details>} is read open: a
     * person opens it, and its words must be in the page's language too (a disclosure is no place for a data-map path
     * or a rule id; {@code data-raw} is the only way to show such a code, where an officer must type it or in a raw
     * ledger entry).
     */
    public String visibleText() {
        return session.evaluate("(() => { const closed = [...document.querySelectorAll('details:not([open])')];"
                + "closed.forEach(d => d.open = true);"
                + "const skip = [...document.body.querySelectorAll('[data-raw], body [lang]')]"
                + ".filter(e => e.style.display !== 'none'); const was = skip.map(e => e.style.display);"
                + "skip.forEach(e => e.style.display = 'none'); const text = document.body.innerText;"
                + "skip.forEach((e, i) => e.style.display = was[i]); closed.forEach(d => d.open = false);"
                + "return text; })()");
    }

    /**
     * What a person should not read in a page's text: a {@code ??key??}, an enum constant ({@code enumConstants},
     * upper-case with an underscore, or one of {@code enumConstants}), a data-map path, a line in the other language
     * than {@code language} ({@code fr} or {@code en}), French spacing before a colon on an English page, or two periods
     * where a name ending with one closes a sentence.
     */
    public static List<String> wordingProblems(String text, String language, Set<String> enumConstants) {
        var problems = new ArrayList<String>();
        for (var line : text.split("\\R")) {
            var trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            BROKEN_KEY
                    .matcher(trimmed)
                    .results()
                    .forEach(m -> problems.add("broken key " + m.group() + " in: " + trimmed));
            UNDERSCORED_CONSTANT
                    .matcher(trimmed)
                    .results()
                    .forEach(m -> problems.add("raw value " + m.group() + " in: " + trimmed));
            WORD.matcher(trimmed)
                    .results()
                    .map(m -> m.group())
                    .filter(w -> enumConstants.contains(w) && !ABBREVIATIONS.contains(w))
                    .forEach(w -> problems.add("raw value " + w + " in: " + trimmed));
            YAML_PATH
                    .matcher(trimmed)
                    .results()
                    .forEach(m -> problems.add("data-map path " + m.group() + " in: " + trimmed));
            if (language.startsWith("en") && SPACED_COLON.matcher(trimmed).find()) {
                problems.add("French spacing before a colon on an English page: " + trimmed);
            }
            if (DOUBLE_PERIOD.matcher(trimmed).find()) {
                problems.add("two periods in: " + trimmed);
            }
            var other = otherLanguage(trimmed, language);
            if (other != null) {
                problems.add(other + " on a " + language + " page: " + trimmed);
            }
        }
        return problems;
    }

    /**
     * The identifiers (UUIDs) a person would read as text on a page whose objects should all be named in words (a
     * record, a person of the consent ledger, a connector's run): each as a problem with its line; empty when none.
     */
    public static List<String> rawIds(String text) {
        var problems = new ArrayList<String>();
        for (var line : text.split("\\R")) {
            var trimmed = line.strip();
            RAW_ID.matcher(trimmed).results().forEach(m -> problems.add("raw id " + m.group() + " in: " + trimmed));
        }
        return problems;
    }

    /** "English" or "French" when the line reads as the other language than the page's, else null. */
    static String otherLanguage(String line, String language) {
        // ids, hashes and dates are no language: a token holding a digit ("d168e91d", "7c0c61f8…") is left out
        var words = line.toLowerCase(Locale.ROOT)
                .replace('’', '\'') // the typographic apostrophe of French text
                .replaceAll("\\S*\\d\\S*", " ")
                .split("[^\\p{L}']+");
        int english = 0;
        int french = 0;
        int count = 0;
        for (var w : words) {
            if (w.isEmpty()) {
                continue;
            }
            count++;
            var parts = w.split("'");
            for (var part : parts) {
                if (ENGLISH.contains(part)) {
                    english++;
                }
                if (FRENCH.contains(part)) {
                    french++;
                }
            }
            if (parts.length > 1 && Set.of("l", "d", "qu", "n", "s", "c", "j").contains(parts[0])) {
                french++; // an elision: l'entrée, d'identité, qu'il, n'a
            }
        }
        if (count < 3) {
            return null;
        }
        if (language.startsWith("fr") && english >= 2 && french == 0) {
            return "English";
        }
        if (language.startsWith("en") && french >= 2 && english == 0) {
            return "French";
        }
        return null;
    }

    /** The names of the enum constants of the application's packages under {@code basePackage}, four letters or more. */
    public static Set<String> enumConstants(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(
                    org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        var names = new TreeSet<String>();
        for (var definition : scanner.findCandidateComponents(basePackage)) {
            try {
                var type = Class.forName(definition.getBeanClassName(), false, PageAudit.class.getClassLoader());
                for (var constant : type.getEnumConstants()) {
                    var name = ((Enum<?>) constant).name();
                    if (name.length() >= 4 && name.equals(name.toUpperCase(Locale.ROOT))) {
                        names.add(name);
                    }
                }
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException(e);
            }
        }
        return names;
    }

    private static String js(String text) {
        return JSON.writeValueAsString(text);
    }

    @Override
    public void close() throws InterruptedException {
        session.close();
    }

    /** axe-core's script, read once from its webjar. */
    private static final class AxeScript {
        static final String SOURCE = load();

        private static String load() {
            var loader = PageAudit.class.getClassLoader();
            try (var pom = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
                if (pom == null) {
                    throw new IllegalStateException("the axe-core webjar is not on the test classpath");
                }
                var properties = new Properties();
                properties.load(pom);
                var path = "META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
                try (var script = loader.getResourceAsStream(path)) {
                    return new String(script.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
