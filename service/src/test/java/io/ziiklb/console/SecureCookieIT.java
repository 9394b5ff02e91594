package io.ziiklb.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.ziiklb.integration.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Behind https ({@code ziiklb.public-url} says so), the session cookie is Secure, even though the
 * service itself is reached over plain http from the proxy in front of it, and the pages send
 * Strict-Transport-Security.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:securecookie;" + TestDatabase.H2_OPTIONS,
        "ziiklb.secret-key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
        "ziiklb.public-url=https://ziiklb.example.com",
})
class SecureCookieIT {
    @LocalServerPort
    int port;

    @Test
    void theSessionCookieIsSecureHttpOnlyAndLax() {
        var page = ConsoleHttp.onPort(port).get("/");
        assertThat(ConsoleHttp.setCookies(page)).singleElement().satisfies(cookie -> assertThat(cookie)
                .startsWith("ZIIKLB_SESSION=").containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly")
                .containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void thePagesAskBrowsersToComeBackOverHttpsOnly() {
        assertThat(ConsoleHttp.onPort(port).get("/").headers().firstValue("Strict-Transport-Security"))
                .hasValue("max-age=31536000");
    }
}
