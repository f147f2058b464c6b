package dev.tsuzuku.board;

import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;

/**
 * How much of an episode a viewer hears a voice: the share of its runtime covered by voiced lines
 * (from the storyboard's timing: each line sounds from its start frame to its end frame), and the
 * longest stretch with no voice. The title card and the end card are silent by design, so a
 * stretch is not counted inside them; they still count in the runtime.
 *
 * @param voicedFrames frames inside at least one voiced line
 * @param totalFrames the episode's runtime in frames
 * @param longestSilentFrames the longest run of unvoiced frames outside the title and end cards
 * @param longestSilentStart the first frame of that run (0 if there is none)
 */
public record VoiceCoverage(int fps, int voicedFrames, int totalFrames, int longestSilentFrames, int longestSilentStart) {
    /** The target of issue 9: voice on at least this share of every episode. */
    public static final double TARGET_SHARE = 0.85;
    /** The longest silence allowed outside the title and end cards, in seconds. */
    public static final double MAX_SILENT_SECONDS = 4.0;

    public static VoiceCoverage of(Storyboard sb) {
        int total = sb.totalFrames();
        boolean[] voiced = new boolean[total];
        boolean[] excused = new boolean[total];
        int at = 0;
        for (Shot s : sb.shots()) {
            if (s.kind() == ShotKind.TITLE || s.kind() == ShotKind.END_CARD) {
                java.util.Arrays.fill(excused, at, at + s.frames(), true);
            }
            for (ShotLine l : s.lines()) {
                int from = Math.max(0, Math.min(s.frames(), l.startFrame()));
                int to = Math.max(from, Math.min(s.frames(), l.endFrame()));
                java.util.Arrays.fill(voiced, at + from, at + to, true);
            }
            at += s.frames();
        }
        int voicedFrames = 0;
        int run = 0;
        int longest = 0;
        int longestStart = 0;
        for (int f = 0; f < total; f++) {
            if (voiced[f]) {
                voicedFrames++;
            }
            if (voiced[f] || excused[f]) {
                run = 0;
                continue;
            }
            run++;
            if (run > longest) {
                longest = run;
                longestStart = f - run + 1;
            }
        }
        return new VoiceCoverage(sb.fps(), voicedFrames, total, longest, longestStart);
    }

    public double share() {
        return totalFrames == 0 ? 0 : voicedFrames / (double) totalFrames;
    }

    public double seconds() {
        return totalFrames / (double) fps;
    }

    public double longestSilentSeconds() {
        return longestSilentFrames / (double) fps;
    }

    public double longestSilentAt() {
        return longestSilentStart / (double) fps;
    }

    /** True when the episode meets both targets. */
    public boolean meetsTarget() {
        return share() >= TARGET_SHARE && longestSilentSeconds() <= MAX_SILENT_SECONDS;
    }
}
