package ca.gardien.shared;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs to URLs that users or clients gave Gardien, through {@link OutboundAddresses}: the client's own DNS step
 * resolves the host once, refuses it unless every address is allowed, and the connection goes to exactly those
 * addresses (TLS still checks the certificate against the host name). Redirects are never followed and a 3xx is
 * returned like any other status, so callers treat it as a failure. No proxy, cookies or retries. A call ends within
 * its deadline (the connection and response timeouts added), whatever the service does: a socket timeout alone starts
 * again with every byte, and a service trickling one byte a second held a call, and what waited on it, for minutes
 * (attacker's review).
 */
public final class OutboundHttp implements AutoCloseable {

    /** Aborts the calls past their deadline; one daemon thread for every client (an abort is a socket close). */
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "outbound-http-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final OutboundAddresses addresses;
    private final CloseableHttpClient client;
    private final Duration deadline;

    public OutboundHttp(OutboundAddresses addresses, Duration connectTimeout, Duration responseTimeout) {
        this.addresses = addresses;
        this.deadline = connectTimeout.plus(responseTimeout);
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new Checked(addresses))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(responseTimeout))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .build())
                .setUserAgent("Gardien")
                .build();
    }

    public OutboundAddresses addresses() {
        return addresses;
    }

    /**
     * POSTs {@code body} as JSON with the given headers and returns the status code, the body of the answer discarded.
     *
     * @throws OutboundAddresses.Refused when the host is, or resolves to, an address that is not allowed
     * @throws IOException when the call fails otherwise (including a scheme other than http or https)
     */
    public int postJson(URI uri, Map<String, String> headers, byte[] body) throws IOException {
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new IOException("not an http(s) URL");
        }
        addresses.resolve(uri.getHost()); // fails early and plainly; the DNS hook below is what binds the connection
        var post = new HttpPost(uri);
        headers.forEach(post::setHeader);
        post.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        var abort = DEADLINES.schedule(post::cancel, deadline.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(post, response -> response.getCode());
        } catch (IOException e) {
            if (post.isCancelled()) {
                throw new IOException("no answer within " + deadline.toSeconds() + " s", e);
            }
            throw e;
        } finally {
            abort.cancel(false);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    /** The client's DNS step: only allowed addresses come out of it. */
    private record Checked(OutboundAddresses addresses) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            return addresses.resolve(host).toArray(InetAddress[]::new);
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return addresses.resolve(host).stream()
                    .map(a -> new InetSocketAddress(a, port))
                    .toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return host; // never a reverse lookup: the name given is the one checked
        }
    }
}
