package dev.tsuzuku.video;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * List prices in US dollars, keyed by normalised model-id prefix (see {@link #normalise}); the
 * longest matching prefix wins, and a model with no entry is priced at the dearest entry of its
 * table, so an unknown model can only be over-estimated against a budget, never under.
 * Defaults are {@link #LIST}; a series can override any entry (series.yaml, later).
 *
 * @param seedanceUsdPerMillionTokens Seedance output tokens; a {@code +audio} key applies when
 *                                    audio is generated (1.5 pro bills audio double)
 * @param seedanceFps                 frame rate in the token formula
 * @param klingUsdPerUnit             what one Kling unit costs
 * @param klingUnitsPerSecond         keys {@code <model>:std}, {@code <model>:pro}, {@code <model>:audio}
 * @param runwayUsdPerCredit          what one Runway credit costs
 * @param runwayCreditsPerSecond      per model
 * @param imageUsd                    per image; OpenAI keys add {@code :<quality>:<size>}
 */
public record PriceList(
        Map<String, Double> seedanceUsdPerMillionTokens,
        double seedanceFps,
        double klingUsdPerUnit,
        Map<String, Double> klingUnitsPerSecond,
        double runwayUsdPerCredit,
        Map<String, Double> runwayCreditsPerSecond,
        Map<String, Double> imageUsd) {

    /**
     * Defaults from ../shared/reference/provider-apis.md (§1.7, §2.4, §3.1, §3.6). Several are
     * reseller or third-party figures marked UNVERIFIED there; Runway rates other than
     * gen4_turbo's 5 credits/s are Runway's published per-model rates as commonly quoted.
     */
    public static final PriceList LIST = new PriceList(
            Map.of(
                    "seedance-2-0-fast", 5.44,
                    "seedance-2-0", 6.76,
                    "seedance-1-5-pro", 1.2,
                    "seedance-1-5-pro+audio", 2.4,
                    "seedance-1-0-pro", 2.5),
            24,
            0.14,
            Map.of(
                    "kling-2-6:std", 0.3, "kling-2-6:pro", 0.5, "kling-2-6:audio", 1.0,
                    "kling-2-5-turbo:std", 0.3, "kling-2-5-turbo:pro", 0.5,
                    "kling-3:std", 1.0, "kling-3:pro", 1.0, "kling-3:audio", 1.0,
                    "kling-2-1-master:std", 2.0, "kling-2-master:std", 2.0),
            0.01,
            Map.of("gen4_turbo", 5.0, "gen4.5", 12.0, "veo3.1_fast", 15.0, "veo3.1", 40.0),
            Map.ofEntries(
                    Map.entry("seedream-4-0", 0.03), Map.entry("seedream-4-5", 0.04), Map.entry("seedream-5-0", 0.035),
                    Map.entry("gpt-image-1:low:square", 0.011), Map.entry("gpt-image-1:medium:square", 0.042),
                    Map.entry("gpt-image-1:high:square", 0.167), Map.entry("gpt-image-1:low:portrait", 0.016),
                    Map.entry("gpt-image-1:medium:portrait", 0.063), Map.entry("gpt-image-1:high:portrait", 0.25),
                    Map.entry("gpt-image-1-mini:low:square", 0.005), Map.entry("gpt-image-1-mini:medium:square", 0.011),
                    Map.entry("gpt-image-1-mini:high:square", 0.036), Map.entry("gpt-image-1-mini:low:portrait", 0.006),
                    Map.entry("gpt-image-1-mini:medium:portrait", 0.015),
                    Map.entry("gpt-image-1-mini:high:portrait", 0.052)));

    public PriceList {
        seedanceUsdPerMillionTokens = Map.copyOf(seedanceUsdPerMillionTokens);
        klingUnitsPerSecond = Map.copyOf(klingUnitsPerSecond);
        runwayCreditsPerSecond = Map.copyOf(runwayCreditsPerSecond);
        imageUsd = Map.copyOf(imageUsd);
    }

    /**
     * One spelling per model family: lower case, vendor prefixes ({@code doubao-},
     * {@code dreamina-}) and date suffixes dropped, Kling's {@code v2-6}/{@code 2.6} both
     * {@code 2-6}. {@code doubao-seedance-1-5-pro-251215} → {@code seedance-1-5-pro};
     * {@code kling-v2-6} and {@code kling-2.6} → {@code kling-2-6}.
     */
    static String normalise(String model) {
        String m = model.toLowerCase(Locale.ROOT).strip();
        m = m.replaceFirst("^(doubao|dreamina)-", "");
        m = m.replaceFirst("-\\d{6}$", "");
        if (m.startsWith("kling-")) {
            m = "kling-" + m.substring("kling-".length()).replaceFirst("^v", "").replace('.', '-');
            m = m.replaceFirst("^kling-(\\d)-0\\b", "kling-$1");
        }
        return m;
    }

    /** The entry whose key is the longest prefix of {@code key}; else the dearest entry. */
    static double lookup(Map<String, Double> table, String key) {
        return prefixMatch(table, key).orElseGet(() -> table.values().stream().max(Comparator.naturalOrder()).orElse(0.0));
    }

    static Optional<Double> prefixMatch(Map<String, Double> table, String key) {
        return table.entrySet().stream()
                .filter(e -> matches(key, e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(Map.Entry::getValue);
    }

    /** {@code key} starts with {@code prefix} at a word boundary (so seedance-2-0 does not take seedance-2-0-fast's place by accident). */
    private static boolean matches(String key, String prefix) {
        String[] k = key.split(":", 2);
        String[] p = prefix.split(":", 2);
        boolean model = k[0].equals(p[0]) || k[0].startsWith(p[0] + "-") || k[0].startsWith(p[0] + "_");
        boolean rest = p.length == 1 || k.length == 2 && k[1].equals(p[1]);
        return model && rest;
    }
}
