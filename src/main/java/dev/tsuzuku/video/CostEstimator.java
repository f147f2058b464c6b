package dev.tsuzuku.video;

import java.util.Locale;

/**
 * Money before and after, as pure functions of a request (or of what the vendor billed) and a
 * {@link PriceList}:
 * <ul>
 * <li>Seedance: {@code tokens = width × height × fps × seconds / 1024} at the model's
 *     rate per million tokens (720p 9:16 is 704×1248, so 5 s at 24 fps = 102,960 tokens);</li>
 * <li>Kling: {@code units = units per second (model, std/pro, audio) × seconds} × price per unit;</li>
 * <li>Runway: {@code credits = credits per second (model) × seconds} × price per credit;</li>
 * <li>images: a price per image (OpenAI by quality and portrait/square).</li>
 * </ul>
 */
public final class CostEstimator {
    private final PriceList prices;

    public CostEstimator(PriceList prices) {
        this.prices = prices;
    }

    public static CostEstimator listPrices() {
        return new CostEstimator(PriceList.LIST);
    }

    /** What a take should cost; {@code defaultModel} is the adapter's when the request names none. */
    public Estimate video(String provider, String defaultModel, TakeRequest r) {
        String model = r.modelOr(defaultModel);
        String m = PriceList.normalise(model);
        return switch (provider) {
            case "seedance" -> {
                int[] wh = seedancePixels(r.resolution(), r.ratio());
                double tokens = Math.floor((double) wh[0] * wh[1] * prices.seedanceFps() * r.durationSeconds() / 1024);
                double rate = r.generateAudio()
                        ? PriceList.prefixMatch(prices.seedanceUsdPerMillionTokens(), m + "+audio")
                                .orElseGet(() -> PriceList.lookup(prices.seedanceUsdPerMillionTokens(), m))
                        : PriceList.lookup(prices.seedanceUsdPerMillionTokens(), m);
                yield new Estimate(provider, model, Usage.TOKENS, tokens, tokens / 1e6 * rate, String.format(Locale.ROOT,
                        "%dx%d × %.0f fps × %d s / 1024 = %.0f tokens × $%.2f/M", wh[0], wh[1], prices.seedanceFps(),
                        r.durationSeconds(), tokens, rate));
            }
            case "kling" -> {
                String mode = r.generateAudio() ? "audio" : "1080p".equals(r.resolution()) ? "pro" : "std";
                double perSecond = PriceList.prefixMatch(prices.klingUnitsPerSecond(), m + ":" + mode)
                        .orElseGet(() -> PriceList.lookup(prices.klingUnitsPerSecond(), m + ":" + mode));
                double units = perSecond * r.durationSeconds();
                yield new Estimate(provider, model, Usage.UNITS, units, units * prices.klingUsdPerUnit(),
                        String.format(Locale.ROOT, "%.2f units/s (%s) × %d s × $%.3f/unit", perSecond, mode,
                                r.durationSeconds(), prices.klingUsdPerUnit()));
            }
            case "runway" -> {
                double perSecond = PriceList.lookup(prices.runwayCreditsPerSecond(), model.toLowerCase(Locale.ROOT));
                double credits = perSecond * r.durationSeconds();
                yield new Estimate(provider, model, Usage.CREDITS, credits, credits * prices.runwayUsdPerCredit(),
                        String.format(Locale.ROOT, "%.0f credits/s × %d s × $%.3f/credit", perSecond,
                                r.durationSeconds(), prices.runwayUsdPerCredit()));
            }
            default -> throw new IllegalArgumentException("no price formula for video provider '" + provider + "'");
        };
    }

    /** What a keyframe should cost. */
    public Estimate keyframe(String provider, String defaultModel, KeyframeRequest r) {
        String model = r.modelOr(defaultModel);
        String m = PriceList.normalise(model);
        String key = switch (provider) {
            case "seedream" -> m;
            case "openai-images" -> m + ":" + (r.quality() == null ? "medium" : r.quality()) + ":"
                    + (r.width() == r.height() ? "square" : "portrait");
            default -> throw new IllegalArgumentException("no price formula for image provider '" + provider + "'");
        };
        // an unknown model is priced as the dearest known one of the same kind (and quality and shape)
        String kind = provider.equals("seedream") ? "seedream" : "gpt-image";
        String suffix = key.contains(":") ? key.substring(key.indexOf(':')) : "";
        double usd = PriceList.prefixMatch(prices.imageUsd(), key)
                .orElseGet(() -> PriceList.lookup(filter(kind, suffix), key));
        return new Estimate(provider, model, Usage.IMAGES, 1, usd, String.format(Locale.ROOT, "1 image × $%.3f", usd));
    }

    /**
     * What a finished task cost, from what the vendor billed: Seedance tokens and Kling units are
     * exact; Runway reports nothing, so its estimate stands.
     */
    public Estimate actual(String provider, String model, boolean audio, Usage usage, Estimate estimated) {
        if (usage == null) {
            return estimated;
        }
        String m = PriceList.normalise(model);
        return switch (usage.unit()) {
            case Usage.TOKENS -> {
                double rate = audio ? PriceList.prefixMatch(prices.seedanceUsdPerMillionTokens(), m + "+audio")
                        .orElseGet(() -> PriceList.lookup(prices.seedanceUsdPerMillionTokens(), m))
                        : PriceList.lookup(prices.seedanceUsdPerMillionTokens(), m);
                yield new Estimate(provider, model, Usage.TOKENS, usage.amount(), usage.amount() / 1e6 * rate,
                        String.format(Locale.ROOT, "%.0f billed tokens × $%.2f/M", usage.amount(), rate));
            }
            case Usage.UNITS -> new Estimate(provider, model, Usage.UNITS, usage.amount(),
                    usage.amount() * prices.klingUsdPerUnit(), String.format(Locale.ROOT,
                            "%.2f billed units × $%.3f/unit", usage.amount(), prices.klingUsdPerUnit()));
            case Usage.IMAGES -> new Estimate(provider, model, Usage.IMAGES, usage.amount(),
                    usage.amount() * (estimated.quantity() == 0 ? 0 : estimated.usd() / estimated.quantity()),
                    usage.amount() + " billed images");
            default -> estimated;
        };
    }

    private java.util.Map<String, Double> filter(String prefix, String suffix) {
        java.util.Map<String, Double> out = new java.util.HashMap<>();
        prices.imageUsd().forEach((k, v) -> {
            if (k.startsWith(prefix) && k.endsWith(suffix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * Seedance's output size for a resolution and ratio (720p 9:16 = 704×1248 per provider-apis.md
     * §1.7; 480p and 1080p follow the same table: 480×864 and 1088×1920).
     */
    static int[] seedancePixels(String resolution, String ratio) {
        int[][] portrait = switch (resolution) {
            case "480p" -> new int[][] {{480, 864}, {480, 480 * 4 / 3}, {640, 640}};
            case "1080p" -> new int[][] {{1088, 1920}, {1248, 1664}, {1440, 1440}};
            default -> new int[][] {{704, 1248}, {832, 1120}, {960, 960}};
        };
        return switch (ratio) {
            case "9:16" -> portrait[0];
            case "16:9" -> new int[] {portrait[0][1], portrait[0][0]};
            case "3:4" -> portrait[1];
            case "4:3" -> new int[] {portrait[1][1], portrait[1][0]};
            case "1:1" -> portrait[2];
            default -> portrait[0]; // adaptive and 21:9: price as the largest common frame of that tier
        };
    }

    /** A price: how many of the vendor's unit, what that costs in USD, and the arithmetic shown. */
    public record Estimate(String provider, String model, String unit, double quantity, double usd, String basis) {}
}
