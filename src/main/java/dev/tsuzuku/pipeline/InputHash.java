package dev.tsuzuku.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tsuzuku.workspace.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** SHA-256 of a stage's inputs: records are hashed through their canonical JSON form. */
public final class InputHash {
    private final MessageDigest digest;

    private InputHash() {
        digest = dev.tsuzuku.workspace.Sha256.digest();
    }

    /** Starts a hash tagged with the stage name and a version to bump when the stage's logic changes. */
    public static InputHash of(String stage, int version) {
        return new InputHash().add(stage).add(Integer.toString(version));
    }

    public InputHash add(String s) {
        byte[] b = (s == null ? "\u0000null" : s).getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(b);
        return this;
    }

    public InputHash add(Object value) {
        try {
            return add(Json.mapper().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot hash " + value, e);
        }
    }

    public InputHash addFile(Path file) {
        return add(file(file));
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of a file's content, hex. */
    public static String file(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = dev.tsuzuku.workspace.Sha256.digest();
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new IllegalStateException("cannot hash " + file + ": " + e.getMessage(), e);
        }
    }
}
