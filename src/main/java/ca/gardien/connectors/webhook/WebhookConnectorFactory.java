package ca.gardien.connectors.webhook;

import ca.gardien.connectors.ConnectorMessages;
import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.Refusal;
import ca.gardien.connectors.RunAction;
import ca.gardien.connectors.runs.RunStore;
import ca.gardien.connectors.spi.Capability;
import ca.gardien.connectors.spi.ConnectionCheck;
import ca.gardien.connectors.spi.Connector;
import ca.gardien.connectors.spi.ConnectorFactory;
import ca.gardien.connectors.spi.ConnectorSettings;
import ca.gardien.connectors.spi.DispatchingConnector;
import ca.gardien.connectors.spi.RunOrder;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.OutboundAddresses;
import ca.gardien.shared.OutboundHttp;
import ca.gardien.shared.Phrase;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Connectors to SaaS and in-house services: each run is POSTed to the service's URL, signed with the shared key (see
 * {@link WebhookSignature}), with the changes for a RECTIFY; the service answers later at
 * {@code /connectors/callbacks/{runId}}, signed the same way, with the counts or a failure. The service's address must
 * be public, or allowed in {@code gardien.connectors.outbound.allow}, at registration and at every call
 * ({@link OutboundHttp}); redirects are not followed, so a 3xx answer is a failure.
 */
@Component
class WebhookConnectorFactory implements ConnectorFactory {

    private final Clock clock;
    private final OutboundHttp http;
    private final ConnectorMessages messages;

    WebhookConnectorFactory(Clock clock, ConnectorsProperties properties, ConnectorMessages messages) {
        this.clock = clock;
        this.messages = messages;
        this.http = new OutboundHttp(
                new OutboundAddresses(properties.outbound().allow()),
                properties.connectTimeout(),
                properties.connectTimeout().plusSeconds(20));
    }

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public List<FieldError> problems(ConnectorSettings settings) {
        var problems = new ArrayList<FieldError>();
        var uri = uri(settings.url());
        if (uri == null) {
            problems.add(messages.field("url", new Refusal("connectors.webhook.url")));
        } else {
            http.addresses().refusal(uri).ifPresent(r -> problems.add(messages.field("url", outbound(r))));
        }
        if (settings.secret() == null || settings.secret().length() < 32) {
            problems.add(messages.field("password", new Refusal("connectors.webhook.key")));
        }
        return problems;
    }

    /** An absolute http(s) URL with a host, of at most 2000 characters; null otherwise. */
    private static URI uri(String url) {
        if (url == null || url.length() > 2000) {
            return null;
        }
        try {
            var uri = new URI(url);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static Refusal outbound(OutboundAddresses.Reason reason) {
        return new Refusal("outbound." + reason.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        return new Webhook(settings, http, clock, messages);
    }

    private record Webhook(ConnectorSettings settings, OutboundHttp http, Clock clock, ConnectorMessages messages)
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
                        : ConnectionCheck.failed(messages.text(Phrase.of("connectors.check.http", status)));
            } catch (OutboundAddresses.Refused e) {
                return ConnectionCheck.failed(messages.text(outbound(e.reason())));
            } catch (IOException e) {
                return ConnectionCheck.failed(messages.text(Phrase.of("connectors.check.service-unreachable")));
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
            if (order.action() == RunAction.RECTIFY) {
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

        private int post(String body) throws IOException {
            long now = clock.instant().getEpochSecond();
            var headers = Map.of(
                    WebhookSignature.TIMESTAMP,
                    String.valueOf(now),
                    WebhookSignature.SIGNATURE,
                    WebhookSignature.sign(settings.secret(), now, body));
            return http.postJson(URI.create(settings.url()), headers, body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
