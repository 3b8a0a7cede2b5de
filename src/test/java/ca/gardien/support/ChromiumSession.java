package ca.gardien.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the system's headless Chromium through the DevTools protocol (a WebSocket, no driver to install): open a
 * page, run JavaScript in it as a person would act (fill fields, click), wait for the next page. DevTools evaluation
 * is not page script, so the pages keep their strict CSP. Use {@link HeadlessChromium#assumeAvailable()} first.
 */
public final class ChromiumSession implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private ChromiumSession(Process process, WebSocket.Builder builder, URI target) {
        this.process = process;
        this.socket = builder.buildAsync(target, new Listener()).join();
    }

    /** Starts Chromium on {@code url} with a fresh profile directory. */
    public static ChromiumSession open(String url, Path profile) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(
                HeadlessChromium.binary(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                "--user-data-dir=" + profile,
                url));
        var process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            var port = devToolsPort(profile.resolve("DevToolsActivePort"));
            var http = HttpClient.newHttpClient();
            var list = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            String target = null;
            for (var entry : JSON.readTree(list.body())) {
                if ("page".equals(entry.path("type").asString())) {
                    target = entry.path("webSocketDebuggerUrl").asString();
                    break;
                }
            }
            if (target == null) {
                throw new IllegalStateException("Chromium opened no page");
            }
            return new ChromiumSession(process, http.newWebSocketBuilder(), URI.create(target));
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Evaluates JavaScript in the page and returns its value as text (null when undefined). */
    public String evaluate(String expression) {
        return valueOf(send("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true)));
    }

    /**
     * Waits until the page is fully parsed and the JavaScript condition is true (retrying across page loads). A
     * slow server streams a page in parts: an element can exist before the rest of its page does.
     */
    public void waitFor(String condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < end) {
            try {
                if ("true".equals(evaluate("String(document.readyState !== 'loading' && !!(" + condition + "))"))) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e.getMessage(); // the page is navigating
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + condition + (last == null ? "" : ": " + last));
    }

    /**
     * Evaluates JavaScript whose value is a promise, waits for it and returns its value as text (null when
     * undefined).
     */
    public String evaluateAwaiting(String expression) {
        return valueOf(send(
                "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true, "awaitPromise", true)));
    }

    private static String valueOf(JsonNode result) {
        if (result.has("exceptionDetails")) {
            var details = result.path("exceptionDetails");
            throw new IllegalStateException(
                    "script failed: " + details.path("text").asString() + " "
                            + details.path("exception").path("description").asString());
        }
        var value = result.path("result").path("value");
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }

    /** Sends one DevTools command (for instance {@code Emulation.setDeviceMetricsOverride}) and returns its result. */
    public JsonNode command(String method, Map<String, Object> params) {
        return send(method, params);
    }

    /** The page as a PNG, {@code width} CSS pixels wide and as tall as its content (at least {@code height}). */
    public byte[] screenshot(int width, int height) {
        send(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        var full = Integer.parseInt(evaluate("String(document.documentElement.scrollHeight)"));
        send(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", Math.max(height, full), "deviceScaleFactor", 1, "mobile", false));
        var shot = send("Page.captureScreenshot", Map.of("format", "png"));
        return java.util.Base64.getDecoder().decode(shot.path("data").asString());
    }

    /** Saves the page as a PNG (width × height CSS pixels, full page height when taller) for the docs. */
    public void screenshot(Path png, int width, int height) throws IOException {
        send(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        var shot = send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        java.nio.file.Files.createDirectories(png.toAbsolutePath().getParent());
        java.nio.file.Files.write(
                png, java.util.Base64.getDecoder().decode(shot.path("data").asString()));
    }

    private JsonNode send(String method, Map<String, Object> params) {
        int id = ids.incrementAndGet();
        var future = new CompletableFuture<JsonNode>();
        pending.put(id, future);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                .join();
        try {
            var answer = future.get(30, TimeUnit.SECONDS);
            if (answer.has("error")) {
                throw new IllegalStateException(
                        method + ": " + answer.path("error").path("message").asString());
            }
            return answer.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            pending.remove(id);
        }
    }

    private static int devToolsPort(Path file) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(file)) {
                var lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.getFirst().isBlank()) {
                    return Integer.parseInt(lines.getFirst().strip());
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("Chromium did not open its DevTools port");
    }

    /**
     * Asks the browser to close (so that it stops writing into its profile), then stops what is left of it, children
     * included, and waits for them, so that the profile directory can be deleted.
     */
    @Override
    public void close() throws InterruptedException {
        try {
            socket.sendText(
                            JSON.writeValueAsString(Map.of("id", ids.incrementAndGet(), "method", "Browser.close")),
                            true)
                    .get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // stopped below in any case
        }
        var children = process.descendants().toList();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (var child : children) {
            child.destroyForcibly();
            child.onExit().completeOnTimeout(child, 5, TimeUnit.SECONDS).join();
        }
        process.waitFor(5, TimeUnit.SECONDS);
    }

    /** Collects text frames into messages and completes the call each answer belongs to. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                var message = JSON.readTree(buffer.toString());
                buffer.setLength(0);
                if (message.has("id")) {
                    var future = pending.get(message.path("id").asInt());
                    if (future != null) {
                        future.complete(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
