package io.ziiklb.integration;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals credentials for storage: AES-256-GCM with a random 96-bit nonce, and the integration's id
 * as associated data, so a sealed value copied to another integration's row does not open.
 * Format: {@code v1:<base64(nonce || ciphertext || tag)>}. Thread-safe.
 *
 * <p>Key rotation: it may hold several keys. The first seals; every one opens, so that credentials
 * sealed with an older key still open until they are sealed again with the first
 * ({@link #resealed}).
 */
public final class SecretBox {
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final String HOW_TO_MAKE_ONE = "make one with: head -c 32 /dev/urandom | base64";

    /** Stored credentials that none of the keys opens: another key's, or another integration's. */
    public static final class CannotOpen extends IllegalStateException {
        CannotOpen(String message) {
            super(message);
        }
    }

    /** {@code ZIIKLB_SECRET_KEY} missing or malformed; the message says how to fix it and never quotes a key. */
    public static final class BadKey extends IllegalArgumentException {
        BadKey(String message) {
            super(message);
        }
    }

    private final List<SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(byte[] key) {
        this(List.of(key));
    }

    /** @param keys the first seals, every one opens */
    public SecretBox(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one key is needed");
        }
        List<SecretKeySpec> specs = new ArrayList<>();
        for (byte[] key : keys) {
            if (key.length != 32) {
                throw new IllegalArgumentException("the secret key must be 256 bits (32 bytes), not " + key.length * 8);
            }
            specs.add(new SecretKeySpec(key.clone(), "AES"));
        }
        this.keys = List.copyOf(specs);
    }

    /**
     * @param base64Keys {@code ZIIKLB_SECRET_KEY}: one or more base64 256-bit keys, comma-separated, the one to seal with first
     * @throws BadKey when a key is missing or malformed
     */
    public static SecretBox fromBase64(String base64Keys) {
        if (base64Keys == null || base64Keys.isBlank()) {
            throw new BadKey("ZIIKLB_SECRET_KEY is not set: it must be a base64 256-bit key ("
                    + HOW_TO_MAKE_ONE + "), the one the stored credentials were sealed with");
        }
        String[] parts = base64Keys.split(",", -1);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String which = parts.length == 1 ? "ZIIKLB_SECRET_KEY is not" : "key " + (i + 1) + " of the " + parts.length
                    + " comma-separated keys in ZIIKLB_SECRET_KEY is not";
            byte[] key;
            try {
                key = Base64.getDecoder().decode(parts[i].trim());
            } catch (IllegalArgumentException notBase64) {
                throw new BadKey(which.replaceFirst("^key", "Key") + " valid base64: each key must be"
                        + " a base64 256-bit key (" + HOW_TO_MAKE_ONE + ")");
            }
            if (key.length != 32) {
                throw new BadKey(which + " a 256-bit key (it decodes to " + key.length + " bytes, not 32): "
                        + HOW_TO_MAKE_ONE);
            }
            keys.add(key);
        }
        return new SecretBox(keys);
    }

    /** A fresh random key, base64: for {@code demo} and tests. */
    public static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** Seals with the first key. */
    public String seal(String integrationId, String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.getFirst(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(integrationId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws CannotOpen when the value was not sealed with one of the keys for this integration */
    public String open(String integrationId, String sealed) {
        return opened(integrationId, sealed).plaintext();
    }

    /**
     * The value sealed again with the first key when an older key sealed it; empty when the first
     * key sealed it already.
     *
     * @throws CannotOpen when none of the keys opens it
     */
    public Optional<String> resealed(String integrationId, String sealed) {
        Opened opened = opened(integrationId, sealed);
        return opened.byKey() == 0 ? Optional.empty() : Optional.of(seal(integrationId, opened.plaintext()));
    }

    private record Opened(String plaintext, int byKey) {
    }

    private Opened opened(String integrationId, String sealed) {
        if (sealed == null || !sealed.startsWith(PREFIX)) {
            throw new CannotOpen("stored credentials are not in a known format");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new CannotOpen("stored credentials are not in a known format");
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CannotOpen("stored credentials are not in a known format");
        }
        for (int i = 0; i < keys.size(); i++) {
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, keys.get(i), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
                cipher.updateAAD(integrationId.getBytes(StandardCharsets.UTF_8));
                return new Opened(new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES),
                        StandardCharsets.UTF_8), i);
            } catch (AEADBadTagException notThisKey) {
                // the next key may be the one
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available", e);
            }
        }
        throw new CannotOpen("stored credentials cannot be opened: sealed with a key that is not in ZIIKLB_SECRET_KEY,"
                + " or not this integration's");
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM, " + keys.size() + (keys.size() == 1 ? " key]" : " keys]");
    }
}
