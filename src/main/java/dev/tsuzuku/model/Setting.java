package dev.tsuzuku.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where and when the story happens, as the bible records it: {@code era} is the family of sets
 * the pictures draw from (one of {@link #ERAS}), {@code period} the time in words ("1890s",
 * "feudal era"), {@code region} the land ("England and Transylvania", "Japan") and {@code world}
 * the social world ("Victorian professionals and aristocracy", "village farmers and the court").
 * The drafter fills it from the text; the showrunner edits it in {@code series.yaml}.
 */
public record Setting(String era, String period, String region, String world) {
    /** Families of sets: architecture, costume and props follow the era. */
    public static final List<String> ERAS = List.of("unspecified", "western-period", "japanese-period",
            "chinese-period", "modern", "fantasy");
    /** What a bible without a setting section has: nothing is assumed. */
    public static final Setting UNSPECIFIED = new Setting("unspecified", "", "", "");

    public Setting {
        era = era == null || era.isBlank() ? "unspecified" : era.strip().toLowerCase(Locale.ROOT);
        period = period == null ? "" : period.strip();
        region = region == null ? "" : region.strip();
        world = world == null ? "" : world.strip();
    }

    public boolean isUnspecified() {
        return era.equals("unspecified") && period.isEmpty() && region.isEmpty() && world.isEmpty();
    }

    /** "1890s England and Transylvania": period and region as one phrase, or "" when neither is known. */
    public String summary() {
        return String.join(" ", nonBlank(period, region));
    }

    /**
     * The sentence every keyframe and video prompt carries so the pictures follow the book, not
     * the art preset: "Setting: 1890s England, Victorian professionals; western period
     * architecture, costume and props, nothing from another era." Empty for an unspecified setting.
     */
    public String promptFragment() {
        if (isUnspecified()) {
            return "";
        }
        List<String> parts = nonBlank(summary(), world);
        StringBuilder b = new StringBuilder("Setting: ");
        b.append(parts.isEmpty() ? eraWords() : String.join(", ", parts));
        String sets = switch (era) {
            case "western-period" -> "western period architecture, costume and props";
            case "japanese-period" -> "Japanese period architecture, costume and props";
            case "chinese-period" -> "Chinese period architecture, costume and props";
            case "modern" -> "present-day architecture, clothing and props";
            case "fantasy" -> "invented fantasy architecture, costume and props";
            default -> "";
        };
        if (!sets.isEmpty()) {
            b.append("; ").append(sets).append(", nothing from another era");
        }
        return b.append('.').toString();
    }

    private String eraWords() {
        return switch (era) {
            case "western-period" -> "historical Europe";
            case "japanese-period" -> "historical Japan";
            case "chinese-period" -> "historical China";
            case "modern" -> "the present day";
            case "fantasy" -> "an invented world";
            default -> "as the story describes";
        };
    }

    private static List<String> nonBlank(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }
}
