package ca.gardien.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A mail server for tests that refuses some recipients for good ({@code 550} to {@code RCPT TO}, as a server does for
 * an address that does not exist) and accepts the others; what it accepted is kept. Enough SMTP for Jakarta Mail.
 */
public final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final List<String> refused;
    private final List<String> accepted = new CopyOnWriteArrayList<>();

    /** Refuses every recipient whose address is in {@code refused} (any case). */
    public RefusingSmtpServer(List<String> refused) throws IOException {
        this.refused = refused.stream().map(r -> r.toLowerCase(Locale.ROOT)).toList();
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("refusing-smtp").start(this::serve);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** The recipients of the messages accepted so far. */
    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                var client = socket.accept();
                Thread.ofVirtual().start(() -> talk(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void talk(Socket client) {
        try (client;
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                var out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
            reply(out, "220 refusing-smtp ready");
            var recipients = new java.util.ArrayList<String>();
            for (String line; (line = in.readLine()) != null; ) {
                var command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 refusing-smtp");
                } else if (command.startsWith("MAIL FROM")) {
                    recipients.clear();
                    reply(out, "250 2.1.0 ok");
                } else if (command.startsWith("RCPT TO")) {
                    var address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'))
                            .toLowerCase(Locale.ROOT);
                    if (refused.contains(address)) {
                        reply(out, "550 5.1.1 no such mailbox");
                    } else {
                        recipients.add(address);
                        reply(out, "250 2.1.5 ok");
                    }
                } else if (command.equals("DATA")) {
                    reply(out, "354 end with a dot");
                    for (String body; (body = in.readLine()) != null && !body.equals("."); ) {
                        // the message itself is not kept
                    }
                    accepted.addAll(recipients);
                    reply(out, "250 2.0.0 queued");
                } else if (command.equals("QUIT")) {
                    reply(out, "221 2.0.0 bye");
                    return;
                } else {
                    reply(out, "250 ok"); // RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
