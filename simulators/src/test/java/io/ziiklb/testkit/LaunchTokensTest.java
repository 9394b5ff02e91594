package io.ziiklb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The hand-made launch tokens are what they say they are. */
class LaunchTokensTest {
    private static final String SECRET = "an-sso-secret-of-at-least-32-bytes!!";
    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00.700Z");

    @Test
    void theGoodOneIsWhatTheSimulatorMints() {
        LaunchTokens.Draft good = LaunchTokens.forUser(7, SECRET, NOW);

        var claims = LaunchTokens.verify(good.sign(), SECRET);

        assertThat(claims.getSubject()).isEqualTo("7");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(Instant.parse("2026-12-02T08:01:00Z"));
        assertThat(claims.getJWTID()).isEqualTo(good.jti());
        assertThat(good.sign()).as("a replay is the same token").isEqualTo(good.sign());
        assertThat(good.withNewJti().sign()).isNotEqualTo(good.sign());
    }

    @Test
    void theBadOnesAreBadInTheirOneWay() throws Exception {
        LaunchTokens.Draft good = LaunchTokens.forUser(7, SECRET, NOW);

        assertThatThrownBy(() -> LaunchTokens.verify(good.signedWith("another-secret-that-is-long-enough-too").sign(), SECRET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JWTParser.parse(good.unsigned())).isInstanceOf(PlainJWT.class);
        assertThat(JWTParser.parse(good.unsigned()).getHeader().getAlgorithm().getName()).isEqualTo("none");
        String hs512 = good.signedWith(SECRET + SECRET).withAlgorithm("HS512").sign();
        assertThat(JWTParser.parse(hs512).getHeader().getAlgorithm().getName()).isEqualTo("HS512");
        assertThatThrownBy(() -> LaunchTokens.verify(hs512, SECRET + SECRET)).isInstanceOf(IllegalArgumentException.class);
        assertThat(JWTParser.parse(good.withSubject(null).sign()).getJWTClaimsSet().getClaims()).doesNotContainKey("sub");
        assertThat(LaunchTokens.verify(good.expiresAt(NOW.minusSeconds(1)).sign(), SECRET).getExpirationTime().toInstant())
                .isBefore(NOW);
    }

    @Test
    void theLaunchUrlCarriesTargetAndToken() {
        assertThat(LaunchTokens.launchUrl("http://svc/sso/5/launch", "https://lb/courses/42?tab=intro", "a.b.c"))
                .isEqualTo("http://svc/sso/5/launch?target=https%3A%2F%2Flb%2Fcourses%2F42%3Ftab%3Dintro&token=a.b.c");
    }
}
