package io.ziiklb.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The log's account of an unexpected exception says where, never what: a message may quote a secret. */
class UnexpectedTest {

    @Test
    void typesAndFramesOfEveryCauseButNoMessage() {
        Exception e = new IllegalStateException("token s3cret\r\nX: 1", new IllegalArgumentException("password hunter2"));
        String told = Unexpected.describe(e);
        assertThat(told).contains("java.lang.IllegalStateException at io.ziiklb.web.UnexpectedTest")
                .contains("caused by java.lang.IllegalArgumentException").doesNotContain("s3cret").doesNotContain("hunter2")
                .doesNotContain("\n");
    }
}
