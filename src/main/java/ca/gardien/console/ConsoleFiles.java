package ca.gardien.console;

import java.nio.charset.StandardCharsets;
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

    /**
     * The {@code Content-Disposition} of a download named {@code name}: an ASCII {@code filename} for old clients (what
     * is not plain ASCII, and quotes and backslashes, become {@code _}) and the exact name as RFC 5987
     * {@code filename*} (UTF-8, percent-encoded). The name is expected clean of folders and control characters.
     */
    static String disposition(String name) {
        var ascii = new StringBuilder();
        var exact = new StringBuilder();
        name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                exact.append((char) c);
            } else {
                exact.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + exact;
    }
}
