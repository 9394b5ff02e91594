package io.ziiklb.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
    private final SecretBox box = SecretBox.fromBase64(SecretBox.newKey());

    @Test
    void sealsAndOpensForTheSameIntegration() {
        String sealed = box.seal("int-1", "{\"password\":\"hunter2\"}");
        assertThat(sealed).startsWith("v1:").doesNotContain("hunter2");
        assertThat(box.open("int-1", sealed)).isEqualTo("{\"password\":\"hunter2\"}");
    }

    @Test
    void everySealIsDifferent() {
        assertThat(box.seal("int-1", "x")).isNotEqualTo(box.seal("int-1", "x"));
    }

    @Test
    void anotherIntegrationsRowDoesNotOpen() {
        String sealed = box.seal("int-1", "secret");
        assertThatThrownBy(() -> box.open("int-2", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyDoesNotOpen() {
        String sealed = box.seal("int-1", "secret");
        assertThatThrownBy(() -> SecretBox.fromBase64(SecretBox.newKey()).open("int-1", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperingIsDetected() {
        String sealed = box.seal("int-1", "secret");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        assertThatThrownBy(() -> box.open("int-1", "v1:" + Base64.getEncoder().encodeToString(raw)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysMustBe256Bits() {
        assertThatThrownBy(() -> SecretBox.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("256");
        assertThatThrownBy(() -> SecretBox.fromBase64(null)).hasMessageContaining("ZIIKLB_SECRET_KEY");
        assertThatThrownBy(() -> SecretBox.fromBase64("not base64!")).hasMessageContaining("ZIIKLB_SECRET_KEY");
    }
}
