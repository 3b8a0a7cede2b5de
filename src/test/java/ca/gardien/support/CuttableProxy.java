package ca.gardien.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay that a test can cut, as a database restart or a network fault would: {@link #cut()} closes every relayed
 * connection and refuses new ones until {@link #restore()}. Given several ports it is also a load balancer: each new
 * connection goes to the next port in turn, skipping one that refuses it (a node that is down).
 */
public final class CuttableProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String host;
    private final int[] ports;
    private final java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    public CuttableProxy(String host, int... ports) throws IOException {
        this.host = host;
        this.ports = ports.clone();
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    /** The port to connect to instead of the database's. */
    public int port() {
        return server.getLocalPort();
    }

    public void cut() {
        cut = true;
        open.forEach(CuttableProxy::quietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                var client = server.accept();
                if (cut) {
                    quietly(client);
                    continue;
                }
                var upstream = upstream();
                if (upstream == null) {
                    quietly(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pipe(client, upstream));
                Thread.ofVirtual().start(() -> pipe(upstream, client));
            } catch (IOException e) {
                // the relay is closed
            }
        }
    }

    /** The next port in turn that takes the connection; null when none does. */
    private Socket upstream() {
        for (int i = 0; i < ports.length; i++) {
            int port = ports[Math.floorMod(next.getAndIncrement(), ports.length)];
            var socket = new Socket();
            try {
                socket.connect(new java.net.InetSocketAddress(host, port), 1_000);
                return socket;
            } catch (IOException e) {
                quietly(socket);
            }
        }
        return null;
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side went away
        } finally {
            quietly(from);
            quietly(to);
        }
    }

    private static void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }
}
