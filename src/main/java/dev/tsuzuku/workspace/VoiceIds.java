package dev.tsuzuku.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The voice ids a bible may give a character: an espeak-ng language ({@code en-us}, {@code ja})
 * optionally with a variant ({@code en-us+f3}). The list lives in a resource beside this class
 * ({@code espeak-voices.txt}, taken from {@code espeak-ng --voices}), so the bible is checked
 * when it loads, with a line, without the workspace reaching into the voice adapter; espeak-ng
 * itself would silently speak an unknown id with its default voice.
 */
public final class VoiceIds {
    private static final Set<String> LANGUAGES = new TreeSet<>();
    private static final Set<String> VARIANTS = new TreeSet<>();

    static {
        try (InputStream in = VoiceIds.class.getResourceAsStream("espeak-voices.txt")) {
            if (in == null) {
                throw new IllegalStateException("espeak-voices.txt is missing from the jar");
            }
            Set<String> into = LANGUAGES;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.equals("[variants]")) {
                    into = VARIANTS;
                } else if (!l.isEmpty() && !l.startsWith("#")) {
                    into.add(l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private VoiceIds() {}

    /** Why {@code id} is not a voice id, with a suggestion; empty when it is one. */
    public static Optional<String> problem(String id) {
        String v = id.strip().toLowerCase(Locale.ROOT);
        int plus = v.indexOf('+');
        String language = plus < 0 ? v : v.substring(0, plus);
        String variant = plus < 0 ? null : v.substring(plus + 1);
        if (!LANGUAGES.contains(language)) {
            return Optional.of("'" + language + "' is not a voice language espeak-ng knows"
                    + DidYouMean.closest(language, LANGUAGES).map(s -> " (did you mean '" + s + "'?)").orElse(""));
        }
        if (variant != null && !VARIANTS.contains(variant)) {
            return Optional.of("'+" + variant + "' is not an espeak-ng voice variant"
                    + DidYouMean.closest(variant, VARIANTS).map(s -> " (did you mean '+" + s + "'?)").orElse(""));
        }
        return Optional.empty();
    }

    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    /** Every language id, in order (for tests and listings). */
    public static List<String> languages() {
        return new ArrayList<>(LANGUAGES);
    }

    /** Every variant name, in order. */
    public static List<String> variants() {
        return new ArrayList<>(VARIANTS);
    }
}
