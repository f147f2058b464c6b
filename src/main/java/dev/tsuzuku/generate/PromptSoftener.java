package dev.tsuzuku.generate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rewrites a prompt a provider's safety system refused, for the one retry a moderated take gets.
 * The default drops words that trip video moderation (violence, blood, weapons, nudity) and
 * asks for a gentle, non-graphic rendering; the produce step may plug in an LLM rewrite.
 */
@FunctionalInterface
public interface PromptSoftener {

    String soften(String prompt);

    /** Words that commonly trip video moderation, removed by {@link #words()}. */
    Pattern RISKY = Pattern.compile("(?i)\\b(blood(y|ied)?|gore|gory|kill(s|ed|ing)?|murder(s|ed)?|corpse|dead body"
            + "|stab(s|bed|bing)?|wound(s|ed)?|gun(s)?|knife|knives|sword(s)?|naked|nude|sexy|violent(ly)?|violence"
            + "|decapitat\\w*|behead\\w*|tortur\\w*)\\b");

    String SUFFIX = " Gentle, non-graphic, family-friendly anime style; no violence shown.";

    static PromptSoftener words() {
        return prompt -> {
            String kept = RISKY.matcher(prompt).replaceAll("").replaceAll("\\s{2,}", " ").trim();
            String base = kept.isEmpty() ? "A quiet moment" : kept;
            return base.toLowerCase(Locale.ROOT).endsWith(SUFFIX.trim().toLowerCase(Locale.ROOT)) ? base : base + SUFFIX;
        };
    }
}
