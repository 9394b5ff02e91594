package io.ziiklb.sso;

import io.ziiklb.http.AllowedPeers;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * How the service talks to an integration's identity provider (discovery, keys, token, user info):
 * on Apache HttpClient whose DNS resolver is {@link AllowedPeers}, so the provider is called only
 * where {@code ZIIKLB_ALLOWED_PEERS} allows, at the addresses that were checked; a request to an
 * address it does not permit (another scheme, a host not listed) is refused before it is sent.
 * No redirects are followed (a redirect could lead anywhere), short timeouts: a person is waiting.
 */
final class OidcHttp {
    private final RestTemplate rest;
    private final RestClient tokens;

    OidcHttp(AllowedPeers peers) {
        Timeout wait = Timeout.of(Duration.ofSeconds(10));
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(peers)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(Duration.ofSeconds(5)))
                                .setSocketTimeout(wait).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(wait).setResponseTimeout(wait).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
        HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(client);
        ClientHttpRequestInterceptor allowedOnly = new AllowedOnly(peers);
        this.rest = new RestTemplate(factory);
        rest.setInterceptors(List.of(allowedOnly));
        rest.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        this.tokens = RestClient.builder()
                .requestFactory(factory)
                .requestInterceptor(allowedOnly)
                .messageConverters(converters -> {
                    converters.clear();
                    converters.add(new FormHttpMessageConverter());
                    converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
                })
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }

    /** For discovery, the provider's keys and user info. */
    RestTemplate rest() {
        return rest;
    }

    /** For the token endpoint: OAuth2's form and token answer converters, its error answers as OAuth2 errors. */
    RestClient tokens() {
        return tokens;
    }

    /** The scheme and host are judged before the request leaves: http to a public host is refused too. */
    private record AllowedOnly(AllowedPeers peers) implements ClientHttpRequestInterceptor {
        @Override
        public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
                throws IOException {
            URI uri = request.getURI();
            if (!peers.permits(uri)) {
                throw new IOException("not an allowed peer: " + uri.getHost());
            }
            return execution.execute(request, body);
        }
    }
}
