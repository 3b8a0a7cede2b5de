package ca.gardien;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.support.PackagedJar;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar starts on the embedded default — H2 and keys in the data directory — and serves health and the
 * console login page within 60 seconds, as the README promises.
 */
class EmbeddedStartIT {

    @TempDir
    Path dataDir;

    @Test
    void packagedJarServesHealthAndTheLoginPageWithinSixtySeconds() throws Exception {
        int port = freePort();
        var java = PackagedJar.java();
        var process = new ProcessBuilder(java, "-jar", PackagedJar.path().toString(), "--server.port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("gardien.log").toFile())
                .directory(dataDir.toFile())
                .start();
        try {
            var client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            var deadline = Instant.now().plusSeconds(60);
            String health = null;
            while (health == null && Instant.now().isBefore(deadline)) {
                health = get(client, port, "/actuator/health");
                if (health == null) {
                    Thread.sleep(500);
                }
            }
            assertThat(health).as("health within 60 s").contains("\"status\":\"UP\"");
            assertThat(get(client, port, "/login")).contains("<form").contains("password");
            assertThat(dataDir.resolve("data/gardien.mv.db")).exists();
            assertThat(dataDir.resolve("data/keys/ledger-ed25519.pub")).exists();
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static String get(HttpClient client, int port, String path) {
        try {
            var response = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
