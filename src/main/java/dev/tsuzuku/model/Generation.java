package dev.tsuzuku.model;

import java.util.List;
import java.util.Map;

/**
 * The {@code generation:} section of series.yaml: which AI providers make a series' pictures and
 * what they may spend. Absent, it is {@link #ANIMATIC_ONLY}: no provider is called and produce
 * makes exactly the animatic. Keys are never here, only the NAMES of the environment variables
 * that hold them ({@link Account#keyEnv}).
 *
 * @param providers  video providers in order of preference ({@code seedance}, {@code kling},
 *                   {@code runway}); a route's {@code video} step means this list
 * @param keyframes  keyframe (image) providers in order ({@code seedream}, {@code openai-images});
 *                   the animatic's own frame is always the last one
 * @param routes     per shot class ({@code cold-open}, {@code hook}, {@code action},
 *                   {@code narration}, {@code dialogue-close-up}): the steps to try in order, each
 *                   a video provider, {@code video}, {@code keyframe} or {@code animatic}; a class
 *                   not named here takes the default routing
 * @param shots      per shot, keyed {@code "EPISODE.SHOT"} ({@code "1.4"}), like a route
 * @param perEpisode budget cap per episode in {@code currency}; 0 = no cap
 * @param perDay     budget cap per UTC day across the series; 0 = no cap
 * @param rates      price overrides: a table name of the price list ({@code klingUsdPerUnit},
 *                   {@code imageUsd} …) to its entries ({@code ""} for a single number)
 * @param accounts   per provider: where it is and which environment variable holds its key
 */
public record Generation(
        List<String> providers,
        List<String> keyframes,
        Map<String, List<String>> routes,
        Map<String, List<String>> shots,
        double perEpisode,
        double perDay,
        String currency,
        Map<String, Map<String, Double>> rates,
        Map<String, Account> accounts) {

    /** No provider: produce makes the animatic, exactly as without a generation section. */
    public static final Generation ANIMATIC_ONLY = new Generation(List.of(), List.of(), Map.of(), Map.of(), 0, 0, "USD",
            Map.of(), Map.of());

    public Generation {
        providers = List.copyOf(providers);
        keyframes = List.copyOf(keyframes);
        routes = Map.copyOf(routes);
        shots = Map.copyOf(shots);
        rates = Map.copyOf(rates);
        accounts = Map.copyOf(accounts);
    }

    /** Whether any paid provider may be called at all. */
    public boolean animaticOnly() {
        return providers.isEmpty() && keyframes.isEmpty();
    }

    /**
     * One provider account.
     *
     * @param keyEnv      the environment variable holding the key (never the key)
     * @param baseUrl     the API's base URL, or null for the vendor's default
     * @param model       the model id, or null for the adapter's default
     * @param concurrency tasks in flight at once on this account
     */
    public record Account(String keyEnv, String baseUrl, String model, int concurrency) {}
}
