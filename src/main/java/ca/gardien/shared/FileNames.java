package ca.gardien.shared;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The name an uploaded file keeps and the name it downloads under. Kept: what the uploader's system called it, without
 * its folders (a browser may send {@code C:\scans\lettre.pdf}), without control or invisible formatting characters (a
 * right-to-left override could disguise {@code fdp.exe} as {@code exe.pdf}) and double quotes, at most 200 characters
 * with its extension kept; null when nothing is left. Served: {@link #disposition}, always an attachment.
 */
public final class FileNames {

    public static final int MAX = 200;

    /** The longest ending kept as an extension when a long name is shortened ({@code .docx}, {@code .tar.gz}). */
    private static final int EXTENSION = 12;

    private FileNames() {}

    public static String clean(String original) {
        if (original == null) {
            return null;
        }
        var name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        var kept = new StringBuilder();
        name.codePoints()
                .filter(c -> c != '"'
                        && !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.SURROGATE
                        && Character.getType(c) != Character.UNASSIGNED
                        && Character.getType(c) != Character.LINE_SEPARATOR
                        && Character.getType(c) != Character.PARAGRAPH_SEPARATOR)
                .forEach(kept::appendCodePoint);
        var clean = shortened(kept.toString().strip());
        return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? null : clean;
    }

    /** At most {@link #MAX} characters, the extension kept: a shortened "rapport….pdf" still opens as a PDF. */
    private static String shortened(String name) {
        int length = name.codePointCount(0, name.length());
        if (length <= MAX) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        var extension = dot > 0 && name.length() - dot <= EXTENSION ? name.substring(dot) : "";
        int keep = MAX - extension.codePointCount(0, extension.length());
        return name.substring(0, name.offsetByCodePoints(0, keep)).strip() + extension;
    }

    /**
     * The {@code Content-Disposition} of a download named {@code name} (RFC 6266): always {@code attachment}, an ASCII
     * {@code filename} for old clients (what is not plain ASCII, and quotes and backslashes, become {@code _}) and the
     * exact name as RFC 5987 {@code filename*} (UTF-8, percent-encoded). The name is expected {@link #clean}.
     */
    public static String disposition(String name) {
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
