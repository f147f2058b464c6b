package dev.tsuzuku.workspace;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as lower-case hex: a take file's content address, a take's idempotency key, a studio
 * session's stored id. Here, beside the workspace's other shared formats, because every package
 * may depend on {@code workspace} (the ArchUnit rules keep only the model from it).
 */
public final class Sha256 {
    private Sha256() {}

    /** The hash of {@code bytes}: 64 hex digits. */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The hash of the text's UTF-8 bytes: 64 hex digits. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh SHA-256 digest, for hashing a stream as it goes. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable in this JDK", e);
        }
    }
}
