package io.ziiklb.ziik.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reading a delivery's object and checking its signature, as Ziik sends them. */
class DeliveredObjectTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "user.create | {\"id\":7,\"content_type\":\"user\",\"name\":\"Ann\"} | user | 7",
            "user.delete | {\"id\":8}                                           | user | 8",
            "unit.update | {\"id\":12,\"content_type\":\"unit\",\"parent_id\":1} | unit | 12"})
    void theTriggerGivesTheKindAndTheBodyTheId(String trigger, String body, String kind, long id) {
        assertThat(DeliveredObject.parse(trigger, bytes(body))).contains(new DeliveredObject(kind, id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{\"id\":\"7\"}", "{\"id\":7.5}", "{\"name\":\"Ann\"}",
            "{\"id\":7,\"content_type\":\"unit\"}", "null", "{\"id\":0}", "{\"id\":-3}",
            "{\"id\":92233720368547758070}", "{\"id\":7,\"content_type\":7}", "{\"id\":7,\"content_type\":{}}"})
    void anythingButAnObjectOfTheTriggersKindIsNoDelivery(String body) {
        assertThat(DeliveredObject.parse("user.update", bytes(body))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"user.login", "unit", "", "USER.UPDATE"})
    void aTriggerThatIsNotOneOfTheSixIsNoDelivery(String trigger) {
        assertThat(DeliveredObject.parse(trigger, bytes("{\"id\":7}"))).isEmpty();
        assertThat(DeliveredObject.parse(null, bytes("{\"id\":7}"))).isEmpty();
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBodyKeyedWithTheSharedSecret() {
        byte[] body = bytes("{\"id\":7,\"content_type\":\"user\"}");
        String expected = "sha256=0293a217df2c342c449f22aa74d32d1050f7712456fce4191794cbc87187596b"; // computed independently

        assertThat(Signature.of("shared-secret", body)).isEqualTo(expected);
        assertThat(Signature.matches("shared-secret", body, " " + expected + "\n")).isTrue();
        assertThat(Signature.matches("other-secret", body, expected)).isFalse();
        assertThat(Signature.matches("shared-secret", bytes("{\"id\":8}"), expected)).isFalse();
        assertThat(Signature.matches("shared-secret", body, null)).isFalse();
    }
}
