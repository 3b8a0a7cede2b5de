package ca.gardien.console;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/** Names of the files the console hands out: words a person recognizes, in plain ASCII that every system keeps. */
final class ConsoleFiles {

    private static final Map<String, String> EXTENSIONS = Map.of(
            "application/pdf", ".pdf",
            "image/jpeg", ".jpg",
            "image/png", ".png",
            "image/tiff", ".tif",
            "text/plain", ".txt");

    private ConsoleFiles() {}

    /** "Lettre numérisée" → "lettre-numerisee": accents dropped, anything else between words a hyphen. */
    static String slug(String words) {
        var plain = Normalizer.normalize(words, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return plain.isEmpty() ? "document" : plain;
    }

    /** The usual extension of a media type, {@code .bin} when unknown. */
    static String extension(String mediaType) {
        return EXTENSIONS.getOrDefault(mediaType == null ? "" : mediaType.toLowerCase(Locale.ROOT), ".bin");
    }
}
