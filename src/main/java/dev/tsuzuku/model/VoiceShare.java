package dev.tsuzuku.model;

/**
 * How much of a produced episode a viewer hears a voice, measured on the sound itself (the voice
 * stem of the mix, frame by frame on the cut's timeline): the share of the runtime with voice and
 * the longest stretch without, outside the title and end cards (silent by design).
 */
public record VoiceShare(double share, double seconds, double longestSilence, double silenceAt) {
    /**
     * The measure of a timeline: {@code voiced[f]} when frame f has voice, {@code excused[f]}
     * inside the title and end cards.
     */
    public static VoiceShare of(boolean[] voiced, boolean[] excused, int fps) {
        int total = voiced.length;
        int n = 0;
        int run = 0;
        int longest = 0;
        int longestStart = 0;
        for (int f = 0; f < total; f++) {
            if (voiced[f]) {
                n++;
            }
            if (voiced[f] || f < excused.length && excused[f]) {
                run = 0;
                continue;
            }
            run++;
            if (run > longest) {
                longest = run;
                longestStart = f - run + 1;
            }
        }
        return new VoiceShare(total == 0 ? 0 : n / (double) total, total / (double) fps, longest / (double) fps,
                longestStart / (double) fps);
    }
}
