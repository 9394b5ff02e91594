package io.ziiklb.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Sends one request to a peer and returns its answer unjudged: every status is a
 * {@link PeerResponse}; only a failure to get an answer throws. Never retries, never follows a
 * redirect, and only calls the hosts {@link AllowedPeers} permits, at the addresses it checked.
 * Thread-safe; one instance per peer kind is meant to be shared by all integrations (it holds the
 * connection pool).
 *
 * <p>On Apache HttpClient with byte-array bodies: the peer clients read and write JSON themselves.
 * Its DNS resolver is the seam where {@link AllowedPeers} judges the addresses connected to.
 */
public final class PeerHttp {
    private static final Logger LOG = LoggerFactory.getLogger(PeerHttp.class);
    /** The most a peer's answer may hold: a page of a hundred users is some tens of KiB. */
    private static final int MAX_ANSWER_BYTES = 32 * 1024 * 1024;

    private final CloseableHttpClient http;
    private final AllowedPeers peers;
    private final CallObserver observer;

    private PeerHttp(CloseableHttpClient http, AllowedPeers peers, CallObserver observer) {
        this.http = http;
        this.peers = peers;
        this.observer = observer;
    }

    /** A {@code PeerHttp} that no one observes. */
    public static PeerHttp create(Duration connectTimeout, Duration requestTimeout, AllowedPeers peers) {
        return create(connectTimeout, requestTimeout, peers, CallObserver.NONE);
    }

    /**
     * A {@code PeerHttp} with pooled HTTP/1.1 connections.
     *
     * @param connectTimeout bound on opening a connection
     * @param requestTimeout bound on waiting for the peer (for a connection from the pool, and between
     *                       bytes of its answer), after which the call fails as timed out
     * @param peers          the hosts that may be called
     * @param observer       hears of every call (metrics)
     */
    public static PeerHttp create(Duration connectTimeout, Duration requestTimeout, AllowedPeers peers,
                                  CallObserver observer) {
        Timeout wait = Timeout.of(requestTimeout);
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(peers)
                .setMaxConnTotal(1024)
                .setMaxConnPerRoute(256)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(wait)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build();
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(wait).setResponseTimeout(wait).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                // no client certificates or NTLM: no per-call work to find a connection's user token
                .disableConnectionState()
                .build();
        return new PeerHttp(client, peers, observer);
    }

    /**
     * @param body JSON bytes, or null for none
     * @throws PeerIoException when no answer came back (the host is not allowed, the connection was
     *                         refused or dropped, timeout, or what answered does not speak HTTP)
     */
    public PeerResponse send(HttpMethod method, URI uri, Consumer<HttpHeaders> headers, byte[] body) {
        if (!peers.permits(uri)) {
            observer.observe(method.name(), 0, Duration.ZERO);
            throw unreachable(method, uri, false, null);
        }
        HttpHeaders given = new HttpHeaders();
        headers.accept(given);
        HttpUriRequestBase request = new HttpUriRequestBase(method.name(), uri);
        request.setHeader("Accept", "application/json");
        given.forEach((name, values) -> values.forEach(value -> request.addHeader(name, headerValue(value))));
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        }
        long started = System.nanoTime();
        int status = 0;
        try {
            PeerResponse response = http.execute(request, PeerHttp::read);
            status = response.status();
            return response;
        } catch (IOException e) {
            if (e instanceof InterruptedIOException && !(e instanceof SocketTimeoutException)) {
                Thread.currentThread().interrupt();
            }
            throw unreachable(method, uri, e instanceof SocketTimeoutException, e);
        } finally {
            observer.observe(method.name(), status, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private static PeerResponse read(ClassicHttpResponse response) throws IOException {
        HttpHeaders headers = new HttpHeaders();
        for (Header header : response.getHeaders()) {
            headers.add(header.getName(), header.getValue());
        }
        byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity(), MAX_ANSWER_BYTES);
        return new PeerResponse(response.getCode(), HttpHeaders.readOnlyHttpHeaders(headers), body);
    }

    /**
     * One short message for every way of not getting an answer: the cause (a refused host, a closed
     * port, another service's banner) is logged here, never carried in the message, which reaches
     * the admin who entered the address.
     */
    private static PeerIoException unreachable(HttpMethod method, URI uri, boolean timedOut, Exception cause) {
        String where = uri.getScheme() + "://" + uri.getRawAuthority();
        LOG.debug("{} {}{} got no answer: {}", method, where, uri.getRawPath(), cause == null ? "not an allowed peer" : cause.toString());
        return new PeerIoException(method + " " + where + uri.getRawPath() + (timedOut ? ": timed out"
                : ": no answer (not reachable, or not an allowed peer)"), timedOut, cause);
    }

    /** Refuses what a header cannot carry rather than sending it (or letting it split the request). */
    private static String headerValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("a header value holds a character HTTP headers cannot carry");
            }
        }
        return value;
    }
}
