package dev.tsuzuku.provider;

import java.util.ArrayList;
import java.util.List;

/**
 * The credentials one adapter holds, and the one place that scrubs them out of any text that
 * may reach a message, a log or an artifact. A secret is replaced wherever it appears, and so
 * is its first half when it is long enough to be recognised by it (vendors echo key prefixes
 * in "incorrect API key sk-abcd****" messages).
 */
public final class Secrets {
    static final String MASK = "[redacted]";
    private static final int MIN_FRAGMENT = 8;

    private final List<String> values;

    private Secrets(List<String> values) {
        this.values = values;
    }

    /** The given credentials; null or blank ones are ignored. */
    public static Secrets of(String... secrets) {
        List<String> list = new ArrayList<>();
        for (String s : secrets) {
            if (s != null && !s.isBlank()) {
                list.add(s.strip());
                if (s.strip().length() >= 2 * MIN_FRAGMENT) {
                    list.add(s.strip().substring(0, s.strip().length() / 2));
                }
            }
        }
        // longest first, so a fragment never leaves the tail of a full key behind
        list.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Secrets(List.copyOf(list));
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : values) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    /** Never prints the values. */
    @Override
    public String toString() {
        return "Secrets[" + values.size() + " redacted]";
    }
}
