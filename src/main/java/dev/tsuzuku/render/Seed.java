package dev.tsuzuku.render;

import java.nio.charset.StandardCharsets;

/**
 * Stable 64-bit seeds from names (FNV-1a over UTF-8), so every random-looking choice in a drawing
 * is the same on every machine and every run.
 */
final class Seed {
    private Seed() {}

    static long of(String... parts) {
        long h = 0xcbf29ce484222325L;
        for (String part : parts) {
            byte[] bytes = (part == null ? "" : part).getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                h ^= (b & 0xff);
                h *= 0x100000001b3L;
            }
            h ^= 0x1f;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** A well-spread value for (seed, n): cheap per-frame jitter without a Random object. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Uniform double in [0, 1) for (seed, n). */
    static double unit(long seed, long n) {
        return (mix(seed + n * 0x9e3779b97f4a7c15L) >>> 11) * 0x1.0p-53;
    }
}
