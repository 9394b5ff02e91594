package io.ziiklb.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;

class PeerResponseTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "Retry-After ''{0}'' -> {1} s")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "7|7",
            "0|0",
            "-3|0",
            "Wed, 25 Nov 2026 12:00:30 GMT|30",
            "Wed, 25 Nov 2026 11:00:00 GMT|0",
            "soon|none",
            "''|none"})
    void retryAfterInSecondsOrAsADate(String header, Long expectedSeconds) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, header);
        PeerResponse response = new PeerResponse(429, headers, new byte[0]);
        assertThat(response.retryAfter(CLOCK).map(Duration::toSeconds).orElse(null)).isEqualTo(expectedSeconds);
    }

    @ParameterizedTest
    @CsvSource({"200,true", "204,true", "299,true", "301,false", "404,false", "500,false"})
    void ok(int status, boolean ok) {
        assertThat(new PeerResponse(status, new HttpHeaders(), new byte[0]).ok()).isEqualTo(ok);
    }
}
