package dev.tsuzuku.studio;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Callback addresses that prove themselves: the take engine gives each task the address
 * {@code /hooks/PROVIDER/TAKE/SIGNATURE}, where the signature is an HMAC-SHA256 of provider and
 * take under the studio's callback key. Seedance signs nothing, so a callback is trusted only as
 * far as its address: it names a take this studio asked about, and the engine then asks the
 * provider itself. Kling callbacks may additionally carry a Standard-Webhooks signature.
 */
public final class CallbackAddresses {
    /** The providers that call back. */
    public static final Set<String> PROVIDERS = Set.of("seedance", "kling");
    private static final Pattern TAKE = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    private final byte[] key;

    public CallbackAddresses(StudioLogin login) {
        this(login.callbackKey());
    }

    CallbackAddresses(byte[] key) {
        this.key = key.clone();
    }

    /** The path (to put after the studio's public base URL) for {@code provider}'s callback about {@code take}. */
    public String path(String provider, String take) {
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException("no callbacks from " + provider);
        }
        if (!TAKE.matcher(take).matches()) {
            throw new IllegalArgumentException("a take id is letters, digits, '.', '_' and '-'");
        }
        return "/hooks/" + provider + "/" + take + "/" + signature(provider, take);
    }

    /** Whether {@code signature} is the one this studio gave {@code provider} for {@code take}. */
    public boolean verify(String provider, String take, String signature) {
        if (provider == null || take == null || signature == null || !PROVIDERS.contains(provider)
                || !TAKE.matcher(take).matches()) {
            return false;
        }
        return MessageDigest.isEqual(signature(provider, take).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String provider, String take) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] sig = mac.doFinal((provider + "\n" + take).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "CallbackAddresses[key redacted]";
    }
}
