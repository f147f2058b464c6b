package dev.tsuzuku.routing;

import dev.tsuzuku.model.Generation;
import dev.tsuzuku.video.PriceList;
import java.util.HashMap;
import java.util.Map;

/** The list prices with a series' {@code generation.rates} laid over them. */
public final class Prices {
    private Prices() {}

    public static PriceList of(Generation g) {
        PriceList l = PriceList.LIST;
        Map<String, Map<String, Double>> r = g.rates();
        return new PriceList(
                merge(l.seedanceUsdPerMillionTokens(), r.get("seedanceUsdPerMillionTokens")),
                single(r, "seedanceFps", l.seedanceFps()),
                single(r, "klingUsdPerUnit", l.klingUsdPerUnit()),
                merge(l.klingUnitsPerSecond(), r.get("klingUnitsPerSecond")),
                single(r, "runwayUsdPerCredit", l.runwayUsdPerCredit()),
                merge(l.runwayCreditsPerSecond(), r.get("runwayCreditsPerSecond")),
                merge(l.imageUsd(), r.get("imageUsd")));
    }

    private static Map<String, Double> merge(Map<String, Double> list, Map<String, Double> over) {
        Map<String, Double> out = new HashMap<>(list);
        if (over != null) {
            out.putAll(over);
        }
        return out;
    }

    private static double single(Map<String, Map<String, Double>> r, String key, double list) {
        Map<String, Double> v = r.get(key);
        return v == null || !v.containsKey("") ? list : v.get("");
    }
}
