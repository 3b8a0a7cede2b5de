package ca.gardien.shared;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The one writer of the CSV files a person downloads from the console: UTF-8 starting with a byte order mark, as an
 * attachment that no cache keeps. Excel opens a CSV without the mark in the system's code page (Windows-1252 in French
 * Windows) and shows "é" as "Ã©"; with it, every spreadsheet reads UTF-8. The document itself comes from
 * {@link Listing#csv} (or a module's own register), which neutralizes spreadsheet formulas. The API's CSV is for
 * programs and has no mark.
 */
public final class CsvFile {

    /** U+FEFF in UTF-8. */
    static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    public static final MediaType TYPE = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private CsvFile() {}

    /** The document as the bytes of a file for a spreadsheet: the byte order mark, then the text in UTF-8. */
    public static byte[] bytes(String document) {
        var text = document.getBytes(StandardCharsets.UTF_8);
        var file = new byte[BYTE_ORDER_MARK.length + text.length];
        System.arraycopy(BYTE_ORDER_MARK, 0, file, 0, BYTE_ORDER_MARK.length);
        System.arraycopy(text, 0, file, BYTE_ORDER_MARK.length, text.length);
        return file;
    }

    /** The document as a download named {@code filename} (plain ASCII). */
    public static ResponseEntity<byte[]> download(String filename, String document) {
        return ResponseEntity.ok()
                .contentType(TYPE)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes(document));
    }
}
