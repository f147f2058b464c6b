package dev.tsuzuku.app;

import dev.tsuzuku.model.Generation;
import dev.tsuzuku.routing.Providers;
import dev.tsuzuku.video.KeyframeProvider;
import dev.tsuzuku.video.KlingVideo;
import dev.tsuzuku.video.OpenAiImageKeyframes;
import dev.tsuzuku.video.RunwayVideo;
import dev.tsuzuku.video.SeedanceVideo;
import dev.tsuzuku.video.SeedreamKeyframes;
import dev.tsuzuku.video.VideoProvider;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the provider adapters a series' {@code generation:} section names: each with the key
 * from the environment variable its account names (never from the workspace), its base URL and
 * model. A provider whose variable is not set is left out, with the variable's name as the reason.
 */
final class GenerationWiring {
    static final Duration CONNECT = Duration.ofSeconds(10);
    static final Duration REQUEST = Duration.ofSeconds(120);
    /** Each vendor's usual key variable, used when the account names none. */
    static final Map<String, String> DEFAULT_KEY_ENV = Map.of("seedance", "ARK_API_KEY", "seedream", "ARK_API_KEY",
            "kling", "KLING_API_KEY", "runway", "RUNWAYML_API_SECRET", "openai-images", "OPENAI_API_KEY");
    static final Map<String, String> DEFAULT_MODEL = Map.of("seedance", SeedanceVideo.DEFAULT_MODEL,
            "kling", KlingVideo.DEFAULT_MODEL, "runway", RunwayVideo.DEFAULT_MODEL,
            "seedream", SeedreamKeyframes.DEFAULT_MODEL, "openai-images", OpenAiImageKeyframes.DEFAULT_MODEL);
    static final Map<String, URI> DEFAULT_BASE = Map.of("seedance", SeedanceVideo.BYTEPLUS_MODELARK,
            "seedream", SeedanceVideo.BYTEPLUS_MODELARK, "kling", URI.create("https://api-singapore.klingai.com"),
            "runway", RunwayVideo.API, "openai-images", OpenAiImageKeyframes.API);

    private GenerationWiring() {}

    static Providers providers(Generation g, Map<String, String> env, Clock clock) {
        Map<String, VideoProvider> video = new LinkedHashMap<>();
        List<KeyframeProvider> keyframes = new ArrayList<>();
        Map<String, String> models = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(g.providers());
        names.addAll(g.keyframes());
        for (String name : names) {
            Generation.Account a = g.accounts().getOrDefault(name, new Generation.Account(null, null, null, 2));
            String keyEnv = a.keyEnv() == null ? DEFAULT_KEY_ENV.get(name) : a.keyEnv();
            String key = env.get(keyEnv);
            String model = a.model() == null ? DEFAULT_MODEL.get(name) : a.model();
            models.put(name, model);
            if (key == null || key.isBlank()) {
                missing.put(name, "the environment variable " + keyEnv + " is not set");
                continue;
            }
            Logging.neverLog(key);
            URI base = a.baseUrl() == null ? DEFAULT_BASE.get(name) : URI.create(a.baseUrl());
            switch (name) {
                case "seedance" -> video.put(name, new SeedanceVideo(base, key, model, CONNECT, REQUEST, clock));
                case "kling" -> video.put(name, new KlingVideo(base, key, model, CONNECT, REQUEST, clock));
                case "runway" -> video.put(name, new RunwayVideo(base, key, model, CONNECT, REQUEST, clock));
                case "seedream" -> keyframes.add(new SeedreamKeyframes(base, key, model, CONNECT, REQUEST, clock));
                case "openai-images" -> keyframes.add(new OpenAiImageKeyframes(base, key, model, CONNECT, REQUEST, clock));
                default -> missing.put(name, "no adapter for '" + name + "'");
            }
        }
        return new Providers(video, keyframes, models, missing);
    }
}
