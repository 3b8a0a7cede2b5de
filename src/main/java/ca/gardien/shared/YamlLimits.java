package ca.gardien.shared;

import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * Bounds on the YAML that people send (the data map, a dataset entry): checked before parsing, then enforced by the
 * parser. The YAML scanner slows down with the square of a line's length (a 512 KB one-line comment costs seconds), so
 * lines are bounded as well as the whole document, and nesting is bounded. Aliases need no bound: Jackson's parser
 * reads events and hands an alias over as its anchor's name, never expanding it, so an alias bomb stays the size of its
 * text.
 */
public final class YamlLimits {

    /** Characters in a document (the default request-body cap is 1 MB). */
    public static final int MAX_CHARS = 1024 * 1024;
    /** Characters on one line: far beyond any description, far below the scanner's slow zone. */
    public static final int MAX_LINE = 16 * 1024;

    /** Levels of nesting: a data map needs five or six. */
    public static final int MAX_DEPTH = 64;

    private YamlLimits() {}

    /** Why the document is refused before parsing, or {@code null} when it is within the bounds. */
    public static String refusal(String yaml) {
        if (yaml.length() > MAX_CHARS) {
            return "is longer than " + MAX_CHARS + " characters";
        }
        int lineStart = 0;
        for (int i = 0; i <= yaml.length(); i++) {
            if (i == yaml.length() || yaml.charAt(i) == '\n') {
                if (i - lineStart > MAX_LINE) {
                    return "has a line longer than " + MAX_LINE + " characters";
                }
                lineStart = i + 1;
            }
        }
        return null;
    }

    /** A YAML factory whose parser enforces the bounds too (a document that slipped past {@link #refusal}). */
    public static YAMLFactory factory() {
        return YAMLFactory.builder()
                .loadSettings(
                        LoadSettings.builder().setCodePointLimit(MAX_CHARS).build())
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .build())
                .build();
    }
}
