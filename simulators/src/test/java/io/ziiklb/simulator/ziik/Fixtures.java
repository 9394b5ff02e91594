package io.ziiklb.simulator.ziik;

import io.ziiklb.simulator.http.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** Ziik's documented payloads, from the repository's {@code fixtures/ziik-docs}. */
final class Fixtures {
    /** Surefire runs in the module directory; the fixtures sit at the repository root. */
    private static final Path DIR = Path.of("..", "fixtures", "ziik-docs");

    private Fixtures() {
    }

    static JsonNode read(String name) {
        Path file = DIR.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("fixture not found: " + file.toAbsolutePath());
        }
        return Json.MAPPER.readTree(file.toFile());
    }

    /** HMAC-SHA256 computed here independently of the simulator's own {@code Signature}. */
    static String expectedSignature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
