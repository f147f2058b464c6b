package dev.tsuzuku.video;

/**
 * What the vendor says it billed for a task, in its own unit: Seedance {@code tokens}
 * (usage.completion_tokens), Kling {@code units} (final_unit_deduction), Seedream/OpenAI
 * {@code images}. Turned into money by {@link PriceList}.
 */
public record Usage(String unit, double amount) {
    public static final String TOKENS = "tokens";
    public static final String UNITS = "units";
    public static final String CREDITS = "credits";
    public static final String IMAGES = "images";
}
