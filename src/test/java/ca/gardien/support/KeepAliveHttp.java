package ca.gardien.support;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client for the benchmarks: one kept-alive connection, a request written in one piece, the
 * answer read to its end (Content-Length or chunks) and only its status kept. It costs the caller one write and one read
 * per call, like a JDBC statement on the other side of a comparison, where a general HTTP client library spends several
 * times the server's own CPU on selectors, futures and header maps.
 */
public final class KeepAliveHttp implements AutoCloseable {

    private final int port;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private boolean closing;

    public KeepAliveHttp(int port) throws IOException {
        this.port = port;
        connect();
    }

    /** Opens the connection; again after Tomcat ends one (it closes a connection after 100 requests by default). */
    private void connect() throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(60_000);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    }

    /** Posts a JSON body with the given extra header lines (each {@code Name: value}) and returns the status. */
    public int postJson(String path, String body, String... headers) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        var head = new StringBuilder(256)
                .append("POST ")
                .append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ")
                .append(bytes.length)
                .append("\r\n");
        for (var header : headers) {
            head.append(header).append("\r\n");
        }
        var request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        var whole = new byte[request.length + bytes.length];
        System.arraycopy(request, 0, whole, 0, request.length);
        System.arraycopy(bytes, 0, whole, request.length, bytes.length);
        out.write(whole);
        out.flush();
        int status = readAnswer();
        if (closing) {
            socket.close();
            closing = false;
            connect();
        }
        return status;
    }

    private int readAnswer() throws IOException {
        var status = line();
        if (!status.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = 0;
        boolean chunked = false;
        for (var header = line(); !header.isEmpty(); header = line()) {
            var lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        if (!chunked) {
            skip(length);
            return code;
        }
        for (long chunk = Long.parseLong(line().trim(), 16); chunk > 0; chunk = Long.parseLong(line().trim(), 16)) {
            skip(chunk);
            line();
        }
        line(); // the empty line after the last chunk
        return code;
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed in a body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private String line() throws IOException {
        var text = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed in an answer");
            }
            if (c != '\r') {
                text.append((char) c);
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
