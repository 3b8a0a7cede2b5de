package ca.gardien.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for what an HTTP client library would not send (an encoded slash kept as is, a
 * 100 kB request line, a body that is never sent in full) and for reading Tomcat's own answers. One request per
 * connection ({@code Connection: close}).
 */
public final class RawHttp {

    /** An answer: status, header lines as received, body as text. */
    public record Answer(int status, List<String> headers, String body) {

        public List<String> header(String name) {
            var prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream()
                    .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim())
                    .toList();
        }

        public String contentType() {
            return header("Content-Type").stream().findFirst().orElse("");
        }
    }

    /** A body written on its own thread (it may be refused half-way), as {@code Content-Length} or chunks. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public Answer send(String method, String target, List<String> headers, Body body) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            var head =
                    new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
            headers.forEach(h -> head.append(h).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            if (body != null) {
                var writer = new Thread(() -> {
                    try {
                        body.write(out);
                        out.flush();
                    } catch (IOException refusedHalfWay) {
                        // the server answered and closed before the whole body was sent
                    }
                });
                writer.setDaemon(true);
                writer.start();
            }
            return read(socket.getInputStream());
        }
    }

    public Answer get(String target, String... headers) throws IOException {
        return send("GET", target, List.of(headers), null);
    }

    /** {@code size} bytes of {@code filler}, written in 64 kB pieces. */
    public static Body fixed(long size, byte filler) {
        return out -> {
            var piece = new byte[64 * 1024];
            java.util.Arrays.fill(piece, filler);
            for (long sent = 0; sent < size; sent += piece.length) {
                out.write(piece, 0, (int) Math.min(piece.length, size - sent));
            }
        };
    }

    /** {@code size} bytes of {@code filler} in HTTP chunks of 64 kB, then the last chunk. */
    public static Body chunked(long size, byte filler) {
        return out -> {
            var piece = new byte[64 * 1024];
            java.util.Arrays.fill(piece, filler);
            for (long sent = 0; sent < size; sent += piece.length) {
                int n = (int) Math.min(piece.length, size - sent);
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(piece, 0, n);
                out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        };
    }

    private static Answer read(InputStream in) throws IOException {
        var all = new ByteArrayOutputStream();
        try {
            in.transferTo(all);
        } catch (IOException resetAfterTheAnswer) {
            // the server may reset the connection after answering a request whose body it did not read
        }
        var bytes = all.toByteArray();
        var text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no HTTP answer: " + bytes.length + " bytes");
        }
        var lines = text.substring(0, end).split("\r\n");
        var headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
        var body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if (headers.stream().anyMatch(h -> h.equalsIgnoreCase("Transfer-Encoding: chunked"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        var body = new ByteArrayOutputStream();
        var text = new String(chunked, StandardCharsets.ISO_8859_1); // one char per byte: indexes match
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return body.toByteArray();
    }
}
