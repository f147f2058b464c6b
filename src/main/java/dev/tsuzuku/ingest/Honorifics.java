package dev.tsuzuku.ingest;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * Japanese honorifics: 花子さん, 花子ちゃん and 花子 are one person, as are 鈴守様 and 鈴守, and
 * 権三殿 and 権三. The cast merger groups the candidates whose names differ only by one.
 */
final class Honorifics {
    /** Longest first, so さま is not read as ま after さ. */
    static final List<String> SUFFIXES = List.of("ちゃん", "さん", "さま", "どの", "くん", "様", "殿", "君", "氏");

    private Honorifics() {}

    /** The name without its honorific ("花子さん" → "花子"); the name itself when it has none. */
    static String strip(String name) {
        for (String s : SUFFIXES) {
            if (name.length() > s.length() + 1 && name.endsWith(s)) {
                return name.substring(0, name.length() - s.length());
            }
        }
        return name;
    }

    /**
     * Joins every candidate whose key with its honorific stripped is the key of another
     * candidate (or of one stripped the same way) into that one.
     */
    static void merge(List<CastCandidate> kept, BiConsumer<CastCandidate, CastCandidate> union) {
        java.util.Map<String, CastCandidate> bare = new java.util.HashMap<>();
        for (CastCandidate c : kept) {
            if (strip(c.key).equals(c.key)) {
                bare.putIfAbsent(c.key, c);
            }
        }
        for (CastCandidate c : kept) {
            String base = strip(c.key);
            if (base.equals(c.key)) {
                continue;
            }
            CastCandidate into = bare.get(base);
            if (into == null) {
                bare.put(base, c);
            } else {
                union.accept(c, into);
            }
        }
    }
}
