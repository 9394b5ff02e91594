package io.ziiklb.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Sends one request to a peer and returns its answer unjudged: every status is a
 * {@link PeerResponse}; only a failure to get an answer throws. Never retries. Thread-safe; one
 * instance per peer kind is meant to be shared by all integrations (it holds the connection pool).
 *
 * <p>Straight on the JDK {@code HttpClient} with byte-array bodies: the peer clients read and
 * write JSON themselves, and Spring's {@code RestClient} adapter streamed every body through an
 * extra copy, which cost a measurable share of a sync's CPU (see docs/performance.md).
 */
public final class PeerHttp {
    private final HttpClient http;
    private final Duration requestTimeout;
    private final CallObserver observer;

    private PeerHttp(HttpClient http, Duration requestTimeout, CallObserver observer) {
        this.http = http;
        this.requestTimeout = requestTimeout;
        this.observer = observer;
    }

    /**
     * A {@code PeerHttp} on a JDK {@code HttpClient} (HTTP/1.1, pooled connections).
     *
     * @param connectTimeout bound on opening a connection
     * @param requestTimeout bound on a whole exchange, after which the call fails as timed out
     */
    public static PeerHttp create(Duration connectTimeout, Duration requestTimeout) {
        return create(connectTimeout, requestTimeout, CallObserver.NONE);
    }

    /** @param observer hears of every call (metrics) */
    public static PeerHttp create(Duration connectTimeout, Duration requestTimeout, CallObserver observer) {
        HttpClient jdk = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new PeerHttp(jdk, requestTimeout, observer);
    }

    /**
     * @param body JSON bytes, or null for none
     * @throws PeerIoException when no answer came back (connection refused or dropped, timeout)
     */
    public PeerResponse send(HttpMethod method, URI uri, Consumer<HttpHeaders> headers, byte[] body) {
        HttpHeaders given = new HttpHeaders();
        headers.accept(given);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .method(method.name(), body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        given.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        long started = System.nanoTime();
        int status = 0;
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            HttpHeaders responseHeaders = new HttpHeaders();
            response.headers().map().forEach(responseHeaders::addAll);
            return new PeerResponse(response.statusCode(), HttpHeaders.readOnlyHttpHeaders(responseHeaders), response.body());
        } catch (IOException e) {
            throw new PeerIoException(describe(method, uri, e), e instanceof HttpTimeoutException, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerIoException(describe(method, uri, e), false, e);
        } finally {
            observer.observe(method.name(), status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static String describe(HttpMethod method, URI uri, Exception e) {
        return method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath() + " failed: "
                + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
