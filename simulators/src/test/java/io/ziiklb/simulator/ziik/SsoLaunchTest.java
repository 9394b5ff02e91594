package io.ziiklb.simulator.ziik;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.ziiklb.testkit.LaunchTokens;
import io.ziiklb.testkit.MutableClock;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A click on a Learningbank link: a 302 to the launch URL with the target kept and a fresh, valid launch token. */
class SsoLaunchTest {
    private static final Instant PAGE_LOADED = Instant.parse("2026-12-02T08:00:00Z");
    private static final String LAUNCH = "http://127.0.0.1:9/sso/5/launch";
    private static final String PLATFORM = "https://acme.learningbank.test";

    private final MutableClock clock = new MutableClock(PAGE_LOADED);
    private ZiikSimulator sim;
    private ApiClient client;
    private int employee;

    @BeforeEach
    void start() {
        sim = ZiikSimulator.start(ZiikSimulator.Config.defaults().withClock(clock));
        client = new ApiClient(sim);
        employee = sim.seedPeople().employee().id();
        sim.sso(LAUNCH, SsoHomePageTest.SECRET, PLATFORM);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aClickRedirectsToTheLaunchWithTheTargetAndATokenMintedAtTheClick() throws Exception {
        String href = PageLinks.of(client.getUrl(sim.appUrl(employee), null).body()).href("the introduction course");
        clock.advance(Duration.ofMinutes(5)); // the page was read a while ago; the token is the click's

        ApiClient.Answer click = client.getUrl(href, null);

        assertThat(click.status()).isEqualTo(302);
        URI location = URI.create(click.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(LAUNCH + "?");
        Map<String, String> query = query(location);
        assertThat(query.keySet()).containsExactly("target", "token");
        assertThat(query.get("target")).isEqualTo(PLATFORM + "/courses/42?tab=intro");
        assertThat(click.headers().firstValue("Cache-Control")).hasValue("no-store");

        SignedJWT jwt = SignedJWT.parse(query.get("token"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(SsoHomePageTest.SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(Integer.toString(employee));
        Instant clickedAt = PAGE_LOADED.plus(Duration.ofMinutes(5));
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(clickedAt);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clickedAt.plusSeconds(60));
        assertThat(claims.getJWTID()).isNotBlank();
    }

    @Test
    void twoClicksGetTwoTokensWithDifferentIds() {
        String href = PageLinks.of(client.getUrl(sim.appUrl(employee), null).body()).href("Learningbank");

        Map<String, String> first = query(URI.create(client.getUrl(href, null).headers().firstValue("Location").orElseThrow()));
        Map<String, String> second = query(URI.create(client.getUrl(href, null).headers().firstValue("Location").orElseThrow()));

        assertThat(first.get("target")).isEqualTo(PLATFORM + "/");
        assertThat(LaunchTokens.verify(first.get("token"), SsoHomePageTest.SECRET).getJWTID())
                .isNotEqualTo(LaunchTokens.verify(second.get("token"), SsoHomePageTest.SECRET).getJWTID());
    }

    @Test
    void aFragmentAndALaunchUrlWithAQueryAreKept() {
        sim.sso(LAUNCH + "?tenant=acme", SsoHomePageTest.SECRET, PLATFORM);
        String href = PageLinks.of(client.getUrl(sim.appUrl(employee), null).body()).href("the safety learning path");

        URI location = URI.create(client.getUrl(href, null).headers().firstValue("Location").orElseThrow());

        assertThat(query(location)).containsEntry("tenant", "acme")
                .containsEntry("target", PLATFORM + "/learning-paths/7#week-2").containsKey("token");
    }

    @Test
    void aNewSecretSignsTheNextClick() {
        String other = "another-secret-that-is-long-enough-too";
        sim.sso(LAUNCH, other, PLATFORM);

        String location = client.getUrl(sim.openUrl(employee, PLATFORM + "/"), null).headers().firstValue("Location").orElseThrow();

        assertThat(LaunchTokens.verify(query(URI.create(location)).get("token"), other).getSubject())
                .isEqualTo(Integer.toString(employee));
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
