package io.ziiklb.ziik.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Ziik's delivery signature, {@code X-Ziik-Signature: sha256=<hex HMAC-SHA256 of the body keyed
 * with the shared secret>}.
 */
public final class Signature {
    private Signature() {
    }

    /** The signature Ziik sends for this body. */
    public static String of(String sharedSecret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body == null ? new byte[0] : body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Whether {@code given} (surrounding blanks allowed) signs this body; compared in constant time. */
    public static boolean matches(String sharedSecret, byte[] body, String given) {
        return given != null && MessageDigest.isEqual(of(sharedSecret, body).getBytes(StandardCharsets.UTF_8),
                given.trim().getBytes(StandardCharsets.UTF_8));
    }
}
