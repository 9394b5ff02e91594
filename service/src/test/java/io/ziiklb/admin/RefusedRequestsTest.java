package io.ziiklb.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What of a refused request's path may reach the log line. */
class RefusedRequestsTest {

    @Test
    void controlCharactersCannotForgeALine() {
        assertThat(RefusedRequests.clean("/api/v1\r\nrefused GET /x\u0000é", 100)).isEqualTo("/api/v1??refused GET /x??");
    }

    @Test
    void longPathsAreCutShort() {
        assertThat(RefusedRequests.clean("/" + "a".repeat(500), 10)).isEqualTo("/aaaaaaaaa...");
        assertThat(RefusedRequests.clean("/short", 10)).isEqualTo("/short");
        assertThat(RefusedRequests.clean(null, 10)).isEqualTo("-");
    }
}
