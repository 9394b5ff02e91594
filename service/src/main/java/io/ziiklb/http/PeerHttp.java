package io.ziiklb.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Sends one request to a peer and returns its answer unjudged: every status is a
 * {@link PeerResponse}; only a failure to get an answer throws. Never retries. Thread-safe; one
 * instance per peer kind is meant to be shared by all integrations (it holds the connection pool).
 */
public final class PeerHttp {
    private final RestClient rest;

    public PeerHttp(RestClient rest) {
        this.rest = rest;
    }

    /**
     * A {@code PeerHttp} on a JDK {@code HttpClient} (HTTP/1.1, pooled connections).
     *
     * @param connectTimeout bound on opening a connection
     * @param requestTimeout bound on a whole exchange, after which the call fails as timed out
     */
    public static PeerHttp create(RestClient.Builder builder, Duration connectTimeout, Duration requestTimeout) {
        HttpClient jdk = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdk);
        factory.setReadTimeout(requestTimeout);
        return new PeerHttp(builder.requestFactory(factory).build());
    }

    /**
     * @param body JSON bytes, or null for none
     * @throws PeerIoException when no answer came back (connection refused or dropped, timeout)
     */
    public PeerResponse send(HttpMethod method, URI uri, Consumer<HttpHeaders> headers, byte[] body) {
        try {
            RestClient.RequestBodySpec spec = rest.method(method).uri(uri)
                    .headers(headers)
                    .accept(MediaType.APPLICATION_JSON);
            if (body != null) {
                spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            return spec.exchange((request, response) -> new PeerResponse(
                    response.getStatusCode().value(),
                    HttpHeaders.readOnlyHttpHeaders(response.getHeaders()),
                    response.getBody().readAllBytes()));
        } catch (ResourceAccessException e) {
            throw new PeerIoException(describe(method, uri, e), isTimeout(e), e);
        }
    }

    private static String describe(HttpMethod method, URI uri, ResourceAccessException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        return method + " " + uri.getScheme() + "://" + uri.getAuthority() + uri.getPath() + " failed: "
                + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage());
    }

    private static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
