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

    @Test
    void theFirstOfSeveralKeysSealsAndEveryOneOpens() {
        String oldKey = SecretBox.newKey();
        String newKey = SecretBox.newKey();
        String sealedWithOld = SecretBox.fromBase64(oldKey).seal("int-1", "secret");
        SecretBox both = SecretBox.fromBase64(newKey + ", " + oldKey);

        assertThat(both.open("int-1", sealedWithOld)).isEqualTo("secret");
        String sealedByBoth = both.seal("int-1", "fresh");
        assertThat(SecretBox.fromBase64(newKey).open("int-1", sealedByBoth)).isEqualTo("fresh");
        assertThatThrownBy(() -> SecretBox.fromBase64(oldKey).open("int-1", sealedByBoth))
                .isInstanceOf(SecretBox.CannotOpen.class);
    }

    @Test
    void onlyWhatAnOlderKeySealedIsSealedAgain() {
        String oldKey = SecretBox.newKey();
        String newKey = SecretBox.newKey();
        SecretBox both = SecretBox.fromBase64(newKey + "," + oldKey);
        String sealedWithOld = SecretBox.fromBase64(oldKey).seal("int-1", "secret");

        String again = both.resealed("int-1", sealedWithOld).orElseThrow();
        assertThat(SecretBox.fromBase64(newKey).open("int-1", again)).isEqualTo("secret");
        assertThat(both.resealed("int-1", again)).isEmpty();
        assertThatThrownBy(() -> both.resealed("int-1", SecretBox.fromBase64(SecretBox.newKey()).seal("int-1", "x")))
                .isInstanceOf(SecretBox.CannotOpen.class);
    }

    @Test
    void aMalformedKeyAmongSeveralIsNamedByItsPlaceNeverQuoted() {
        String good = SecretBox.newKey();
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretBox.fromBase64(good + "," + shortKey)).isInstanceOf(SecretBox.BadKey.class)
                .hasMessageStartingWith("key 2 of the 2 comma-separated keys in ZIIKLB_SECRET_KEY")
                .hasMessageContaining("16 bytes").message().doesNotContain(good).doesNotContain(shortKey);
        assertThatThrownBy(() -> SecretBox.fromBase64(good + ",")).isInstanceOf(SecretBox.BadKey.class)
                .hasMessageContaining("key 2 of the 2");
        assertThatThrownBy(() -> SecretBox.fromBase64("%%%," + good)).isInstanceOf(SecretBox.BadKey.class)
                .hasMessageStartingWith("Key 1 of the 2").hasMessageContaining("not valid base64");
    }
}
