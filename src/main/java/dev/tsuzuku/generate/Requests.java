package dev.tsuzuku.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.video.ImageRef;
import dev.tsuzuku.video.KeyframeRequest;
import dev.tsuzuku.video.TakeRequest;
import dev.tsuzuku.workspace.Sha256;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Requests as stored in a take's row (JSON, without the idempotency key, which belongs to the
 * row), and the idempotency key derived from a shot's inputs.
 */
final class Requests {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A placeholder key for requests rebuilt from JSON before the real one is set. */
    private static final String UNSET = "unset";

    private Requests() {}

    /**
     * The idempotency key of a take: a hash of what makes it (kind, shot, provider, variant and
     * every field of the request except its key and callback URL). The same inputs always give
     * the same key; any change of prompt, image, duration, seed or model gives another.
     */
    static String key(String kind, ShotKey shot, String provider, int variant, String requestJson) {
        String canonical = kind + "\n" + shot.series() + "\n" + shot.episode() + "\n" + shot.shot() + "\n" + provider
                + "\n" + variant + "\n" + requestJson;
        return "tz-" + Sha256.hex(canonical).substring(0, 40);
    }

    /** The key sent to the provider for one attempt: the take's key, then {@code key-2}, {@code key-3} … */
    static String attemptKey(String key, int attempt) {
        return attempt <= 1 ? key : key + "-" + attempt;
    }

    static String json(TakeRequest r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("prompt", r.prompt());
        image(o, "firstFrame", r.firstFrame());
        image(o, "lastFrame", r.lastFrame());
        ArrayNode refs = o.putArray("referenceImages");
        r.referenceImages().forEach(i -> refs.add(image(i)));
        o.put("durationSeconds", r.durationSeconds());
        o.put("ratio", r.ratio());
        o.put("resolution", r.resolution());
        if (r.seed() != null) {
            o.put("seed", r.seed());
        }
        o.put("generateAudio", r.generateAudio());
        if (r.model() != null) {
            o.put("model", r.model());
        }
        return o.toString();
    }

    /** The stored request with its key and (not stored, not part of the key) callback URL. */
    static TakeRequest video(String json, String key, URI callback) {
        JsonNode o = read(json);
        List<ImageRef> refs = new ArrayList<>();
        o.path("referenceImages").forEach(n -> refs.add(image(n)));
        return new TakeRequest(key == null ? UNSET : key, o.path("prompt").asText(), image(o.get("firstFrame")),
                image(o.get("lastFrame")), refs, o.path("durationSeconds").asInt(), o.path("ratio").asText(),
                o.path("resolution").asText(), o.has("seed") ? o.get("seed").asLong() : null,
                o.path("generateAudio").asBoolean(), callback, o.has("model") ? o.get("model").asText() : null);
    }

    static String json(KeyframeRequest r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("prompt", r.prompt());
        ArrayNode refs = o.putArray("referenceImages");
        r.referenceImages().forEach(i -> refs.add(image(i)));
        o.put("width", r.width());
        o.put("height", r.height());
        if (r.seed() != null) {
            o.put("seed", r.seed());
        }
        if (r.quality() != null) {
            o.put("quality", r.quality());
        }
        if (r.model() != null) {
            o.put("model", r.model());
        }
        return o.toString();
    }

    static KeyframeRequest keyframe(String json, String key) {
        JsonNode o = read(json);
        List<ImageRef> refs = new ArrayList<>();
        o.path("referenceImages").forEach(n -> refs.add(image(n)));
        return new KeyframeRequest(key == null ? UNSET : key, o.path("prompt").asText(), refs, o.path("width").asInt(),
                o.path("height").asInt(), o.has("seed") ? o.get("seed").asLong() : null,
                o.has("quality") ? o.get("quality").asText() : null, o.has("model") ? o.get("model").asText() : null);
    }

    /** The stored request with another prompt (a softened rewrite). */
    static String withPrompt(String json, String prompt) {
        ObjectNode o = (ObjectNode) read(json);
        o.put("prompt", prompt);
        return o.toString();
    }

    static String prompt(String json) {
        return read(json).path("prompt").asText();
    }

    static int seconds(String json) {
        return read(json).path("durationSeconds").asInt(0);
    }

    private static void image(ObjectNode o, String field, ImageRef image) {
        if (image != null) {
            o.set(field, image(image));
        }
    }

    private static ObjectNode image(ImageRef image) {
        ObjectNode n = JSON.createObjectNode();
        if (image.isUrl()) {
            n.put("url", image.url().toString());
        } else {
            n.put("mediaType", image.mediaType());
            n.put("base64", Base64.getEncoder().encodeToString(image.data()));
        }
        return n;
    }

    private static ImageRef image(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.has("url")) {
            return ImageRef.url(URI.create(n.get("url").asText()));
        }
        return ImageRef.bytes(Base64.getDecoder().decode(n.path("base64").asText()), n.path("mediaType").asText());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new TsuzukuException("a take's stored request is not JSON: " + e.getMessage(), e);
        }
    }
}
