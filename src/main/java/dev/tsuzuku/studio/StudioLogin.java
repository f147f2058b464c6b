package dev.tsuzuku.studio;

import dev.tsuzuku.model.BadInputException;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The studio's one login and the key that signs provider callback addresses, kept in a folder
 * of their own ({@code .tsuzuku/studio/} of the first workspace {@code serve} is given; decision
 * 0024). There are no default credentials: the secret is the one given (the {@code serve} option
 * or {@link #PASSWORD_ENV}), or on first start a random token that {@code serve} prints once.
 * Only its PBKDF2 hash is written; the files are readable by their owner only.
 */
public final class StudioLogin {
    /** The environment variable that sets the studio's password (instead of the printed token). */
    public static final String PASSWORD_ENV = "TSUZUKU_STUDIO_PASSWORD";
    static final int MIN_LENGTH = 12;
    private static final String LOGIN_FILE = "login";
    private static final String CALLBACK_KEY_FILE = "callback-key";

    private final String stored;
    private final byte[] callbackKey;

    /** The login, and the token to print when this start made one (shown once, never stored in clear). */
    public record Opened(StudioLogin login, Optional<String> newToken) {}

    private StudioLogin(String stored, byte[] callbackKey) {
        this.stored = stored;
        this.callbackKey = callbackKey;
    }

    /**
     * Opens the login kept in {@code dir}. {@code given} (the option, else the environment
     * variable; null or blank when neither) replaces a stored secret; with none given and none
     * stored, a random token is made, its hash stored, and the token returned to be printed once.
     */
    public static Opened open(Path dir, String given, SecureRandom random) {
        return open(dir, given, random, PasswordHash.ITERATIONS);
    }

    static Opened open(Path dir, String given, SecureRandom random, int iterations) {
        Path loginFile = dir.resolve(LOGIN_FILE);
        byte[] key = callbackKey(dir.resolve(CALLBACK_KEY_FILE), random);
        if (given != null && !given.isBlank()) {
            String secret = given.strip();
            if (secret.length() < MIN_LENGTH) {
                throw new BadInputException("--studio-password", "the studio password is shorter than " + MIN_LENGTH + " characters",
                        "choose a longer one, or leave it out and use the token 'tsuzuku serve' prints on first start");
            }
            String existing = read(loginFile);
            if (existing != null && PasswordHash.matches(secret, existing)) {
                return new Opened(new StudioLogin(existing, key), Optional.empty());
            }
            String hash = PasswordHash.hash(secret, random, iterations);
            writePrivate(loginFile, hash);
            return new Opened(new StudioLogin(hash, key), Optional.empty());
        }
        String existing = read(loginFile);
        if (existing != null) {
            return new Opened(new StudioLogin(existing, key), Optional.empty());
        }
        String token = PasswordHash.token(random, 24);
        String hash = PasswordHash.hash(token, random, iterations);
        writePrivate(loginFile, hash);
        return new Opened(new StudioLogin(hash, key), Optional.of(token));
    }

    /** Whether {@code secret} is the studio's password or token. */
    public boolean check(String secret) {
        return PasswordHash.matches(secret, stored);
    }

    /** The key that signs callback addresses (kept across restarts: a provider calls back hours later). */
    byte[] callbackKey() {
        return callbackKey.clone();
    }

    private static String read(Path file) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!PasswordHash.wellFormed(text)) {
                throw new BadInputException(file.toString(), "is not a studio login this version wrote",
                        "delete it and start 'tsuzuku serve' again: it prints a new token (or set " + PASSWORD_ENV + ")");
            }
            return text;
        } catch (IOException e) {
            throw new TsuzukuException("cannot read " + file + ": " + AtomicFiles.reason(e));
        }
    }

    private static byte[] callbackKey(Path file, SecureRandom random) {
        if (Files.exists(file)) {
            try {
                byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.UTF_8).strip());
                if (key.length >= 32) {
                    return key;
                }
            } catch (IOException | IllegalArgumentException e) {
                // unreadable or damaged: make a new key; callbacks for tasks submitted before then fail verification
            }
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        writePrivate(file, Base64.getEncoder().encodeToString(key));
        return key;
    }

    private static void writePrivate(Path file, String text) {
        AtomicFiles.write(file, text + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the folder's own permissions are what protects it
        }
    }

    @Override
    public String toString() {
        return "StudioLogin[hash redacted]";
    }
}
