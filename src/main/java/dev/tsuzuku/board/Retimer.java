package dev.tsuzuku.board;

import static dev.tsuzuku.board.ShotTiming.MEASURED_GAP;
import static dev.tsuzuku.board.ShotTiming.TAIL;
import static dev.tsuzuku.board.ShotTiming.frames;
import static dev.tsuzuku.board.ShotTiming.minFrames;

import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Lays a storyboard out again with measured speech lengths instead of the estimates (see {@link #retime}). */
final class Retimer {
    private Retimer() {}

    /**
     * Replaces estimated speech lengths by measured ones: lines are laid out again, each shot is
     * resized to its speech plus short breaths ({@link ShotTiming#MEASURED_GAP}), keeping any hold
     * added to reach the episode length; the cold open stays within 3–5 s. Shots without lines
     * keep their length.
     */
    static Storyboard retime(Storyboard sb, ToDoubleFunction<ShotLine> measuredSeconds) {
        List<Shot> shots = new ArrayList<>();
        for (Shot s : sb.shots()) {
            if (s.lines().isEmpty()) {
                shots.add(s);
                continue;
            }
            int min = minFrames(s.kind());
            int max = s.kind() == ShotKind.COLD_OPEN ? Storyboarder.COLD_OPEN_MAX : Integer.MAX_VALUE;
            int oldNeeded = s.lines().get(s.lines().size() - 1).endFrame() + TAIL;
            int hold = s.kind() == ShotKind.COLD_OPEN ? 0 : Math.max(0, s.frames() - Math.max(min, oldNeeded));
            List<Integer> speech = new ArrayList<>();
            for (ShotLine l : s.lines()) {
                speech.add(frames(measuredSeconds.applyAsDouble(l)));
            }
            SpeechLayout layout = SpeechLayout.of(speech, min, max, 0, MEASURED_GAP, 0);
            List<ShotLine> lines = new ArrayList<>();
            for (int i = 0; i < s.lines().size(); i++) {
                ShotLine l = s.lines().get(i);
                lines.add(new ShotLine(l.speaker(), l.text(), layout.starts[i], layout.ends[i]));
            }
            shots.add(new Shot(s.index(), s.kind(), layout.frames + hold, s.framing(), s.camera(), s.place(),
                    s.timeOfDay(), s.cast(), s.action(), lines, s.sfx(), s.prompt()));
        }
        return new Storyboard(sb.episode(), sb.fps(), sb.width(), sb.height(), sb.mood(), sb.endCard(), shots);
    }
}
