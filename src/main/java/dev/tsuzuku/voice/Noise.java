package dev.tsuzuku.voice;

/**
 * A seeded xorshift64 noise source. Defined here rather than {@code java.util.Random} so the
 * sequence, and therefore every rendered byte, is part of this code's contract.
 */
final class Noise {
    private long state;

    Noise(long seed) {
        long s = seed * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        s ^= s >>> 31;
        this.state = s == 0 ? 0x2545F4914F6CDD1DL : s;
    }

    /** Uniform in [-1, 1). */
    double white() {
        return unit() * 2 - 1;
    }

    /** Uniform in [0, 1). */
    double unit() {
        state ^= state << 13;
        state ^= state >>> 7;
        state ^= state << 17;
        return (state >>> 11) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound). */
    int below(int bound) {
        return (int) (unit() * bound);
    }
}
