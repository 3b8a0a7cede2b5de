package ca.gardien.connectors;

import ca.gardien.connectors.spi.Capability;
import ca.gardien.connectors.spi.ConnectionCheck;
import ca.gardien.connectors.spi.Connector;
import ca.gardien.connectors.spi.ConnectorFactory;
import ca.gardien.connectors.spi.ConnectorSettings;
import ca.gardien.connectors.spi.DispatchingConnector;
import ca.gardien.connectors.spi.RunOrder;
import ca.gardien.shared.FieldError;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Connectors to SaaS and in-house services: each run is POSTed to the service's URL, signed with the shared key (see
 * {@link WebhookSignature}), with the changes for a RECTIFY; the service answers later at
 * {@code /connectors/callbacks/{runId}}, signed the same way, with the counts or a failure.
 */
@Component
class WebhookConnectorFactory implements ConnectorFactory {

    private final Clock clock;
    private final ConnectorsProperties properties;
    private final HttpClient http;

    WebhookConnectorFactory(Clock clock, ConnectorsProperties properties) {
        this.clock = clock;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .build();
    }

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public List<FieldError> problems(ConnectorSettings settings) {
        var problems = new ArrayList<FieldError>();
        var url = settings.url();
        if (url == null || !(url.startsWith("https://") || url.startsWith("http://")) || url.length() > 2000) {
            problems.add(new FieldError("url", "must be an http(s) URL of at most 2000 characters"));
        } else {
            try {
                URI.create(url);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("url", "is not a valid URL"));
            }
        }
        if (settings.secret() == null || settings.secret().length() < 32) {
            problems.add(new FieldError(
                    "password", "must be the HMAC key shared with the service (at least 32 characters)"));
        }
        return problems;
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        return new Webhook(settings, http, clock, properties);
    }

    private record Webhook(ConnectorSettings settings, HttpClient http, Clock clock, ConnectorsProperties properties)
            implements DispatchingConnector {

        @Override
        public String id() {
            return settings.id();
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }

        @Override
        public ConnectionCheck check() {
            try {
                int status = post("{\"type\":\"ping\"}");
                return status / 100 == 2
                        ? ConnectionCheck.ok("webhook", "HTTP " + status)
                        : ConnectionCheck.failed("the service answered HTTP " + status);
            } catch (IOException e) {
                return ConnectionCheck.failed(
                        "cannot reach the service (" + e.getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ConnectionCheck.failed("interrupted");
            }
        }

        @Override
        public void dispatch(RunOrder order) throws Exception {
            var body = new LinkedHashMap<String, Object>();
            body.put("type", "run");
            body.put("runId", order.runId().toString());
            body.put("action", order.action());
            body.put("identities", order.identities());
            body.put("callback", order.callbackPath());
            if ("RECTIFY".equals(order.action())) {
                var changes = new ArrayList<Map<String, String>>();
                for (var change : order.changes()) {
                    var entry = new LinkedHashMap<String, String>(); // the new value may be null
                    entry.put("table", change.table());
                    entry.put("column", change.column());
                    entry.put("newValue", change.newValue());
                    changes.add(entry);
                }
                body.put("changes", changes);
            }
            int status = post(RunStore.JSON.writeValueAsString(body));
            if (status / 100 != 2) {
                throw new IOException("the service answered HTTP " + status);
            }
        }

        private int post(String body) throws IOException, InterruptedException {
            long now = clock.instant().getEpochSecond();
            var request = HttpRequest.newBuilder(URI.create(settings.url()))
                    .timeout(properties.connectTimeout().plusSeconds(20))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP, String.valueOf(now))
                    .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(settings.secret(), now, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
