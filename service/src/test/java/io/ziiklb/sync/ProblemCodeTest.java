package io.ziiklb.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Problem codes: the strings the API shows, and which say Learningbank is unwell. */
class ProblemCodeTest {
    @Test
    void namedCodesAreTheStringsTheApiShows() {
        assertThat(ProblemCode.NAME_CONFLICT.wireName()).isEqualTo("name_conflict");
        assertThat(ProblemCode.LANGUAGE_UNSUPPORTED.wireName()).isEqualTo("language_unsupported");
        assertThat(ProblemCode.DELETE_BLOCKED.wireName()).isEqualTo("delete_blocked");
        assertThat(ProblemCode.MISSING_EMAIL.wireName()).isEqualTo("missing_email");
        assertThat(ProblemCode.NAME_CONFLICT.isCodeOf(new Problem(ObjectKind.DEPARTMENT, 1, "name_conflict", "m"))).isTrue();
        assertThat(ProblemCode.NAME_CONFLICT.isCodeOf(new Problem(ObjectKind.DEPARTMENT, 1, "invalid_name", "m"))).isFalse();
    }

    @Test
    void onlyLearningbanksTransientFailuresSayItIsUnwell() {
        assertThat(new ProblemCode("server_error").transientFailure()).isTrue();
        assertThat(new ProblemCode("io_error").transientFailure()).isTrue();
        assertThat(new ProblemCode("rate_limited").transientFailure()).isTrue();
        assertThat(new ProblemCode("validation_failed").transientFailure()).isFalse();
        assertThat(ProblemCode.NAME_CONFLICT.transientFailure()).isFalse();
    }
}
