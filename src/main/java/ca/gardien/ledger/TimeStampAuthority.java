package ca.gardien.ledger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.bouncycastle.tsp.TSPException;

/**
 * An RFC 3161 time-stamping authority reached over HTTP ({@code application/timestamp-query}), with a bounded time for
 * the connection and for the answer and a bounded answer size, so that a slow or hostile authority cannot hold the
 * caller.
 */
final class TimeStampAuthority {

    private static final int MAX_ANSWER = 64 * 1024;

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    TimeStampAuthority(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The token for {@code c}, base64; throws when the authority does not grant a valid one in time. */
    String timestamp(Checkpoint c) throws IOException, InterruptedException, TSPException {
        var request = TimestampTokens.request(c);
        var response = http.send(
                HttpRequest.newBuilder(url)
                        .timeout(timeout)
                        .header("Content-Type", "application/timestamp-query")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (var body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the authority answered HTTP " + response.statusCode());
            }
            var answer = body.readNBytes(MAX_ANSWER + 1);
            if (answer.length > MAX_ANSWER) {
                throw new IOException("the authority's answer is larger than " + MAX_ANSWER + " bytes");
            }
            return TimestampTokens.token(request, answer);
        }
    }
}
