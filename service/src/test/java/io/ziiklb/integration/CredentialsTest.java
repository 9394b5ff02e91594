package io.ziiklb.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shape rules of credentials: each can fail, each names its field, none quotes the value. */
class CredentialsTest {
    static final Credentials.Ziik ZIIK = new Credentials.Ziik("https://acme.ziik.io/api", "integration@acme.test",
            "pässwörd 😀 ok", "a-shared-secret-16");
    static final Credentials.Learningbank LB = new Credentials.Learningbank("https://acme.learningbankapp.com/api/v1",
            "lb-api", "pass wörd", "Tok3n-._~+/=");

    static Map<String, List<String>> ziik(String baseUrl, String username, String password, String sharedSecret) {
        return Credentials.problems(new Credentials.Ziik(baseUrl, username, password, sharedSecret), LB);
    }

    static Map<String, List<String>> lb(String baseUrl, String username, String password, String token) {
        return Credentials.problems(ZIIK, new Credentials.Learningbank(baseUrl, username, password, token));
    }

    @Test
    void goodCredentialsHaveNoProblem() {
        assertThat(Credentials.problems(ZIIK, LB)).isEmpty();
        assertThat(ziik("http://127.0.0.1:8080/api/", "u", "p", null)).as("no shared secret, a port, http").isEmpty();
        assertThat(ziik(" https://acme.ziik.io ", "u", "p", null)).as("surrounding spaces are trimmed").isEmpty();
    }

    @Test
    void bothSidesAreRequiredAndEveryMissingFieldIsNamed() {
        assertThat(Credentials.problems(null, null)).containsOnlyKeys("ziik", "learningbank");
        assertThat(Credentials.problems(new Credentials.Ziik(null, "", " ", null),
                new Credentials.Learningbank(null, null, null, null)))
                .containsOnlyKeys("ziik.baseUrl", "ziik.username", "ziik.password", "learningbank.baseUrl",
                        "learningbank.username", "learningbank.password", "learningbank.token")
                .allSatisfy((field, messages) -> assertThat(messages).containsExactly("is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://acme.ziik.io", "acme.ziik.io", "https://", "http://a b.c", "https://acme.ziik.io/a\tb",
            "http://x.y:99999", "http://x.y:0", "https://user:pw@acme.ziik.io", "https://acme.ziik.io/?q=1",
            "https://acme.ziik.io/#top", "https://acmé.ziik.io", "https://acme.ziik.io/\ud800", "http://[::1", "javascript:alert(1)"})
    void aBaseUrlMustBeAnHttpUrlThatCanBeCalled(String url) {
        assertThat(ziik(url, "u", "p", null)).containsOnlyKeys("ziik.baseUrl");
        assertThat(lb(url, "u", "p", "t")).containsOnlyKeys("learningbank.baseUrl");
    }

    @Test
    void aTooLongBaseUrlIsRefused() {
        assertThat(ziik("https://acme.ziik.io/" + "a".repeat(FieldRules.MAX_URL), "u", "p", null))
                .containsEntry("ziik.baseUrl", List.of("must be at most 2048 characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\r\nb", "a\u0000b", "a\u007fb", "a\u0085b", "a\u2028b", "a\ud800b", "a\udc00b", "\ud83d"})
    void headerBoundTextHasNoControlCharacterAndNoLoneSurrogate(String bad) {
        assertThat(ziik("https://a.b", bad, bad, "0123456789abcdef" + bad))
                .containsOnlyKeys("ziik.username", "ziik.password", "ziik.sharedSecret");
        assertThat(lb("https://a.b", bad, bad, "t")).containsOnlyKeys("learningbank.username", "learningbank.password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "tab\t", "émoji😀", "é", "line\n", "nul\u0000"})
    void theLearningbankTokenIsVisibleAscii(String token) {
        assertThat(lb("https://a.b", "u", "p", token)).containsOnlyKeys("learningbank.token");
    }

    @Test
    void theLearningbankUsernameHasNoColonBecauseBasicAuthSplitsThere() {
        assertThat(lb("https://a.b", "lb:api", "p", "t").get("learningbank.username")).singleElement()
                .asString().contains("':'");
        assertThat(lb("https://a.b", "lb-api", "pass:word", "t")).as("a colon in the password is fine").isEmpty();
    }

    @Test
    void aSharedSecretWhenGivenHasAtLeast16Characters() {
        assertThat(ziik("https://a.b", "u", "p", "fifteen-chars-x")).containsEntry("ziik.sharedSecret",
                List.of("must be at least 16 characters"));
        assertThat(ziik("https://a.b", "u", "p", "")).containsOnlyKeys("ziik.sharedSecret");
        assertThat(ziik("https://a.b", "u", "p", "sixteen-chars-xx")).isEmpty();
    }

    @Test
    void lengthsAreBounded() {
        String huge = "x".repeat(100_000);
        assertThat(ziik("https://a.b", huge, huge, huge)).containsOnlyKeys("ziik.username", "ziik.password", "ziik.sharedSecret");
        assertThat(lb("https://a.b", huge, huge, huge))
                .containsOnlyKeys("learningbank.username", "learningbank.password", "learningbank.token");
    }

    @Test
    void aMessageNeverQuotesTheValue() {
        String secret = "s3cret\r\nvalue-that-must-not-show";
        assertThat(lb("https://a.b", secret, secret, secret).toString()).doesNotContain("s3cret");
        assertThat(ziik("https://a.b/" + secret, secret, secret, secret).toString()).doesNotContain("s3cret");
    }

    @Test
    void severalProblemsOfOneFieldAreAllReported() {
        assertThat(lb("https://a.b", "a:b\n", "p", "t").get("learningbank.username")).hasSize(2);
    }
}
