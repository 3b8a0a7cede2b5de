package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call itself is checked: the address connected to is the one judged, and redirects are not followed. */
class OutboundHttpTest {

    HttpServer server;
    final List<String> hits = new CopyOnWriteArrayList<>();

    @BeforeEach
    void server() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            hits.add(exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) + " "
                    + exchange.getRequestHeaders().getFirst("X-Test"));
            if (exchange.getRequestURI().getPath().equals("/redirect")) {
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + port() + "/target");
                exchange.sendResponseHeaders(302, -1);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    int port() {
        return server.getAddress().getPort();
    }

    static OutboundHttp http(OutboundAddresses addresses) {
        return new OutboundHttp(addresses, Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    static int post(OutboundHttp http, String url) throws Exception {
        return http.postJson(URI.create(url), Map.of("X-Test", "yes"), "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withoutAnAllowListLoopbackIsRefusedAtCallTimeAndNothingReachesIt() throws Exception {
        try (var http = http(new OutboundAddresses(List.of()))) {
            for (var url : List.of(
                    "http://127.0.0.1:" + port() + "/hook",
                    "http://localhost:" + port() + "/hook",
                    "http://[::ffff:127.0.0.1]:" + port() + "/hook",
                    "http://2130706433:" + port() + "/hook")) {
                assertThatThrownBy(() -> post(http, url)).as(url).isInstanceOf(OutboundAddresses.Refused.class);
            }
        }
        assertThat(hits).isEmpty();
    }

    @Test
    void anAllowedAddressIsCalledWithTheHeadersAndBody() throws Exception {
        try (var http = http(new OutboundAddresses(List.of("127.0.0.0/8")))) {
            assertThat(post(http, "http://127.0.0.1:" + port() + "/hook")).isEqualTo(204);
            assertThat(post(http, "http://localhost:" + port() + "/hook")).isEqualTo(204);
        }
        assertThat(hits).containsExactly("/hook {\"a\":1} yes", "/hook {\"a\":1} yes");
    }

    @Test
    void aRedirectIsReturnedAsAFailureAndNeverFollowed() throws Exception {
        try (var http = http(new OutboundAddresses(List.of("127.0.0.0/8")))) {
            assertThat(post(http, "http://127.0.0.1:" + port() + "/redirect")).isEqualTo(302);
        }
        assertThat(hits).hasSize(1).allMatch(h -> h.startsWith("/redirect"));
    }

    @Test
    void aNameThatResolvesToLoopbackAtCallTimeIsRefusedWhateverItResolvedToBefore() throws Exception {
        var calls = new AtomicInteger();
        OutboundAddresses.Resolver rebinding = host -> new InetAddress[] {
            calls.getAndIncrement() == 0 ? InetAddress.getByName("93.184.216.34") : InetAddress.getByName("127.0.0.1")
        };
        var addresses = new OutboundAddresses(List.of(), rebinding);
        var url = "http://rebind.example.test:" + port() + "/hook";
        assertThat(addresses.refusal(URI.create(url)))
                .as("public when registered")
                .isEmpty();
        try (var http = http(addresses)) {
            assertThatThrownBy(() -> post(http, url)).isInstanceOf(OutboundAddresses.Refused.class);
        }
        assertThat(hits).isEmpty();
    }

    @Test
    void theConnectionGoesToTheAddressTheCheckReturnedNotToAFreshLookup() throws Exception {
        // The client's DNS step is the checked resolver: a name the system cannot resolve reaches the server only
        // through the address the check returned.
        OutboundAddresses.Resolver fixed = host -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        try (var http = http(new OutboundAddresses(List.of("127.0.0.0/8"), fixed))) {
            assertThat(post(http, "http://service.invalid:" + port() + "/hook")).isEqualTo(204);
        }
        assertThat(hits).containsExactly("/hook {\"a\":1} yes");
    }

    @Test
    void aServiceTricklingItsAnswerIsCutAtTheCallsDeadline() throws Exception {
        try (var trickle = new java.net.ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (var socket = trickle.accept()) {
                    var out = socket.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 100_000; i++) { // a byte every 200 ms: no socket timeout ever fires
                        out.write('x');
                        out.flush();
                        Thread.sleep(200);
                    }
                } catch (Exception ignored) {
                    // Gardien hung up: what the test waits for
                }
            });
            try (var http = new OutboundHttp(
                    new OutboundAddresses(List.of("127.0.0.0/8")), Duration.ofSeconds(1), Duration.ofSeconds(1))) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> post(http, "http://127.0.0.1:" + trickle.getLocalPort() + "/hook"))
                        .isInstanceOf(java.io.IOException.class)
                        .hasMessageContaining("no answer within 2 s");
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
            }
        }
    }
}
