package ca.gardien.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * A site of another origin than Gardien's for browser tests: serves the files of a classpath folder from a local port
 * (127.0.0.1 only), with {@code {{NAME}}} placeholders replaced and a Content-Security-Policy header on every answer.
 */
public final class StaticSite implements AutoCloseable {

    private final HttpServer server;

    private StaticSite(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code folder} on a free port; {@code csp} and the files may use the placeholders. */
    public static StaticSite serve(String folder, String csp, Map<String, String> placeholders) throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                var name = exchange.getRequestURI().getPath().replaceAll("[^A-Za-z0-9._-]", "");
                var file = new ClassPathResource(folder + "/" + name);
                if (name.isEmpty() || !file.exists()) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                var text = replace(file.getContentAsString(StandardCharsets.UTF_8), placeholders);
                var body = text.getBytes(StandardCharsets.UTF_8);
                var type = name.endsWith(".js") ? "text/javascript" : "text/html";
                exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
                exchange.getResponseHeaders().set("Content-Security-Policy", replace(csp, placeholders));
                exchange.getResponseHeaders().set("Cache-Control", "no-store");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return new StaticSite(server);
    }

    private static String replace(String text, Map<String, String> placeholders) {
        var out = text;
        for (var entry : placeholders.entrySet()) {
            out = out.replace("{{" + entry.getKey() + "}}", entry.getValue());
        }
        return out;
    }

    /** The site's origin, e.g. {@code http://127.0.0.1:41234}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
