package dev.tsuzuku.video;

import dev.tsuzuku.provider.ProviderHttp;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies callbacks signed by the Standard Webhooks scheme (standardwebhooks.com; used by
 * Kling's new-style callbacks): {@code webhook-signature} holds space-separated
 * {@code v1,<base64>} entries (several while a secret rotates), each
 * {@code base64(HMAC-SHA256(base64decode(secret without "whsec_"), id + "." + timestamp + "." + body))};
 * {@code webhook-timestamp} must be within five minutes of now. Comparison is constant-time.
 */
public final class StandardWebhooks {
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "whsec_";

    private final byte[] key;
    private final Clock clock;

    /** @param secret the endpoint's signing secret, {@code whsec_…} or bare Base64 (never logged) */
    public StandardWebhooks(String secret, Clock clock) {
        String s = ProviderHttp.credential(secret);
        if (s.startsWith(PREFIX)) {
            s = s.substring(PREFIX.length());
        }
        try {
            this.key = Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook secret is not Base64 (expected whsec_<base64>)");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("the webhook secret is empty");
        }
        this.clock = clock;
    }

    /** The signature entry for a message: {@code v1,<base64>}. */
    public String sign(String id, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * Whether the callback is authentic and fresh.
     *
     * @param id        the {@code webhook-id} header
     * @param timestamp the {@code webhook-timestamp} header (unix seconds)
     * @param signature the {@code webhook-signature} header
     * @param body      the raw request body, exactly as received
     */
    public boolean verify(String id, String timestamp, String signature, String body) {
        if (id == null || timestamp == null || signature == null || body == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(ts), clock.instant()).abs();
        if (skew.compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] expected = sign(id, ts, body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String entry : signature.strip().split(" +")) {
            if (entry.startsWith("v1,")) {
                match |= MessageDigest.isEqual(expected, entry.getBytes(StandardCharsets.US_ASCII));
            }
        }
        return match;
    }

    @Override
    public String toString() {
        return "StandardWebhooks[secret redacted]";
    }
}
