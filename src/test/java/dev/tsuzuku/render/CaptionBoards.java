package dev.tsuzuku.render;

import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotCast;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.util.ArrayList;
import java.util.List;

/** Builders for storyboards in tests: {@code aBoard().shot(90, line(...)).build()}. */
public final class CaptionBoards {
    private final List<Shot> shots = new ArrayList<>();

    public static CaptionBoards aBoard() {
        return new CaptionBoards();
    }

    public static ShotLine line(String speaker, String text, int startFrame, int endFrame) {
        return new ShotLine(speaker, text, startFrame, endFrame);
    }

    public CaptionBoards shot(int frames, ShotLine... lines) {
        int index = shots.size() + 1;
        shots.add(new Shot(index, ShotKind.STORY, frames, Framing.MEDIUM, CameraMove.STATIC, "river", "day",
                List.of(new ShotCast("Momotaro", "neutral", "center")), "stands", List.of(lines), List.of(), "prompt " + index));
        return this;
    }

    public Storyboard build() {
        return new Storyboard(1, 30, 1080, 1920, "calm", "To be continued", shots);
    }
}
