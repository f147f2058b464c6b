package dev.tsuzuku.board;

import static dev.tsuzuku.board.ShotTiming.GAP;
import static dev.tsuzuku.board.ShotTiming.LEAD;
import static dev.tsuzuku.board.ShotTiming.TAIL;
import static dev.tsuzuku.board.ShotTiming.frames;

import java.util.List;

/** Speech laid out in a shot: [starts[i], ends[i]) per line, and the shot's length. */
final class SpeechLayout {
    final int frames;
    final int[] starts;
    final int[] ends;

    private SpeechLayout(int frames, int[] starts, int[] ends) {
        this.frames = frames;
        this.starts = starts;
        this.ends = ends;
    }

    static SpeechLayout of(List<Integer> speech, int min, int max) {
        return of(speech, min, max, LEAD, GAP, TAIL);
    }

    /** As {@link #of(List, int, int)} with the given breaths (in frames) before, between and after the lines. */
    static SpeechLayout of(List<Integer> speech, int min, int max, int lead, int gap, int tail) {
        int n = speech.size();
        int[] starts = new int[n];
        int[] ends = new int[n];
        if (n == 0) {
            return new SpeechLayout(min, starts, ends);
        }
        int sum = speech.stream().mapToInt(Integer::intValue).sum();
        if (lead + sum + gap * (n - 1) + tail > max) {
            lead = 0;
            tail = 0;
        }
        if (sum + gap * (n - 1) > max) {
            gap = 0;
        }
        // only when speech alone exceeds the cap (a cold open): each line is cut in proportion
        double scale = sum > max ? (double) max / sum : 1.0;
        int f = lead;
        for (int i = 0; i < n; i++) {
            int len = Math.max(1, (int) Math.floor(speech.get(i) * scale));
            starts[i] = f;
            ends[i] = Math.min(f + len, max);
            f = ends[i] + gap;
        }
        int frames = Math.min(max, Math.max(min, ends[n - 1] + tail));
        return new SpeechLayout(frames, starts, ends);
    }
}
