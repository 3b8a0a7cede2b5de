package ca.gardien.requests;

/**
 * The name an uploaded file keeps: what the uploader's system called it, without its folders (a browser may send
 * {@code C:\scans\lettre.pdf}), without control or invisible formatting characters (a right-to-left override could
 * disguise {@code fdp.exe} as {@code exe.pdf}), at most 200 characters; null when nothing is left.
 */
final class FileNames {

    static final int MAX = 200;

    private FileNames() {}

    static String clean(String original) {
        if (original == null) {
            return null;
        }
        var name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        var kept = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.SURROGATE
                        && Character.getType(c) != Character.UNASSIGNED
                        && Character.getType(c) != Character.LINE_SEPARATOR
                        && Character.getType(c) != Character.PARAGRAPH_SEPARATOR)
                .limit(MAX)
                .forEach(kept::appendCodePoint);
        var clean = kept.toString().strip();
        return clean.isEmpty() || clean.equals(".") || clean.equals("..") ? null : clean;
    }
}
