package dev.tsuzuku.board;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The storyboard's timing contract, checked once where a storyboard enters or leaves the
 * pipeline. Each message names the field, the expected and the actual value, e.g.
 * {@code shots[4].lines[1].endFrame: expected ≤ 90 (shot frames), was 97}.
 */
public final class StoryboardRules {
    private StoryboardRules() {}

    /** Every rule that does not need the bible; an empty list means the storyboard is valid. */
    public static List<String> check(Storyboard sb) {
        List<String> errors = new ArrayList<>();
        if (sb.fps() != Storyboarder.FPS) {
            errors.add("fps: expected " + Storyboarder.FPS + ", was " + sb.fps());
        }
        if (sb.width() != Storyboard.MASTER_WIDTH || sb.height() != Storyboard.MASTER_HEIGHT) {
            errors.add("width×height: expected " + Storyboard.MASTER_WIDTH + "×" + Storyboard.MASTER_HEIGHT + ", was "
                    + sb.width() + "×" + sb.height());
        }
        List<Shot> shots = sb.shots();
        if (shots.size() < 4) {
            errors.add("shots: expected at least 4 (cold open, title, hook, end card), was " + shots.size());
        }
        int fps = sb.fps() > 0 ? sb.fps() : Storyboarder.FPS;
        for (int i = 0; i < shots.size(); i++) {
            Shot s = shots.get(i);
            String at = "shots[" + i + "]";
            if (s.index() != i + 1) {
                errors.add(at + ".index: expected " + (i + 1) + ", was " + s.index());
            }
            int minFrames = Math.round(Storyboarder.MIN_SHOT_FRAMES * fps / (float) Storyboarder.FPS);
            if (s.frames() < minFrames) {
                errors.add(at + ".frames: expected ≥ " + minFrames + " (1.5 s), was " + s.frames());
            }
            if (s.kind() == null) {
                errors.add(at + ".kind: expected a shot kind, was null");
            }
            if (s.framing() == null) {
                errors.add(at + ".framing: expected a framing, was null");
            }
            if (s.camera() == null) {
                errors.add(at + ".camera: expected a camera move, was null");
            }
            if (s.cast().size() > Storyboarder.MAX_CAST) {
                errors.add(at + ".cast: expected ≤ " + Storyboarder.MAX_CAST + " characters, was " + s.cast().size());
            }
            if (s.prompt() == null || s.prompt().isBlank()) {
                errors.add(at + ".prompt: expected text, was empty");
            }
            int previousEnd = 0;
            for (int j = 0; j < s.lines().size(); j++) {
                ShotLine l = s.lines().get(j);
                String lat = at + ".lines[" + j + "]";
                if (l.text() == null || l.text().isBlank()) {
                    errors.add(lat + ".text: expected text, was empty");
                }
                if (l.startFrame() < previousEnd) {
                    errors.add(lat + ".startFrame: expected ≥ " + previousEnd
                            + (j == 0 ? " (shot start)" : " (end of lines[" + (j - 1) + "])") + ", was " + l.startFrame());
                }
                if (l.endFrame() <= l.startFrame()) {
                    errors.add(lat + ".endFrame: expected > " + l.startFrame() + " (startFrame), was " + l.endFrame());
                }
                if (l.endFrame() > s.frames()) {
                    errors.add(lat + ".endFrame: expected ≤ " + s.frames() + " (shot frames), was " + l.endFrame());
                }
                previousEnd = Math.max(previousEnd, l.endFrame());
            }
        }
        if (!shots.isEmpty()) {
            Shot first = shots.get(0);
            if (first.kind() != ShotKind.COLD_OPEN) {
                errors.add("shots[0].kind: expected cold-open, was " + wire(first.kind()));
            } else {
                int lo = Storyboarder.COLD_OPEN_MIN * fps / Storyboarder.FPS;
                int hi = Storyboarder.COLD_OPEN_MAX * fps / Storyboarder.FPS;
                if (first.frames() < lo || first.frames() > hi) {
                    errors.add("shots[0].frames: expected " + lo + "–" + hi + " (3–5 s cold open), was " + first.frames());
                }
            }
            int last = shots.size() - 1;
            if (shots.get(last).kind() != ShotKind.END_CARD) {
                errors.add("shots[" + last + "].kind: expected end-card, was " + wire(shots.get(last).kind()));
            }
            if (last >= 1 && shots.get(last - 1).kind() != ShotKind.HOOK) {
                errors.add("shots[" + (last - 1) + "].kind: expected hook (before the end card), was "
                        + wire(shots.get(last - 1).kind()));
            }
            for (int i = 1; i < shots.size(); i++) {
                if (shots.get(i).kind() == ShotKind.COLD_OPEN) {
                    errors.add("shots[" + i + "].kind: expected cold-open only as shots[0], was cold-open");
                }
                if (shots.get(i).kind() == ShotKind.END_CARD && i != last) {
                    errors.add("shots[" + i + "].kind: expected end-card only as the last shot, was end-card");
                }
            }
        }
        return errors;
    }

    /** {@link #check(Storyboard)} plus the series' episode length range. */
    public static List<String> check(Storyboard sb, Bible bible) {
        List<String> errors = new ArrayList<>(check(sb));
        int fps = sb.fps() > 0 ? sb.fps() : Storyboarder.FPS;
        int lo = bible.minEpisodeSeconds() * fps;
        int hi = bible.maxEpisodeSeconds() * fps;
        int total = sb.totalFrames();
        if (total < lo || total > hi) {
            errors.add(String.format(Locale.ROOT, "totalFrames: expected %d–%d (%d–%d s), was %d (%.1f s)",
                    lo, hi, bible.minEpisodeSeconds(), bible.maxEpisodeSeconds(), total, total / (double) fps));
        }
        return errors;
    }

    private static String wire(ShotKind kind) {
        return kind == null ? "null" : kind.wireName();
    }
}
