package dev.tsuzuku.routing;

import dev.tsuzuku.video.KeyframeProvider;
import dev.tsuzuku.video.VideoProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The providers a series can use this run, built by the composition root from
 * {@code generation.accounts} and the environment: those whose key variable is set, with their
 * model; the others with why they are missing (the variable's name, never a value).
 */
public record Providers(Map<String, VideoProvider> video, List<KeyframeProvider> keyframes, Map<String, String> models,
        Map<String, String> missing) {

    public static final Providers NONE = new Providers(Map.of(), List.of(), Map.of(), Map.of());

    public Providers {
        video = new LinkedHashMap<>(video);
        keyframes = List.copyOf(keyframes);
        models = Map.copyOf(models);
        missing = Map.copyOf(missing);
    }

    public String model(String provider) {
        return models.get(provider);
    }
}
