package dev.tsuzuku.voice;

import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import java.util.ArrayList;
import java.util.List;

/** Test fixture: {@code aStoryboard().mood("tense").story(90).hook(60, "thunder").build()}. */
final class StoryboardBuilder {
    private int episode = 1;
    private String mood = "tender";
    private final List<Shot> shots = new ArrayList<>();

    static StoryboardBuilder aStoryboard() {
        return new StoryboardBuilder();
    }

    StoryboardBuilder episode(int episode) {
        this.episode = episode;
        return this;
    }

    StoryboardBuilder mood(String mood) {
        this.mood = mood;
        return this;
    }

    StoryboardBuilder story(int frames, String... sfx) {
        return shot(ShotKind.STORY, frames, sfx);
    }

    StoryboardBuilder hook(int frames, String... sfx) {
        return shot(ShotKind.HOOK, frames, sfx);
    }

    StoryboardBuilder shot(ShotKind kind, int frames, String... sfx) {
        shots.add(new Shot(shots.size() + 1, kind, frames, Framing.MEDIUM, CameraMove.STATIC, "beach", "day",
                List.of(), "action", List.of(), List.of(sfx), "prompt"));
        return this;
    }

    /** Adds a line to the last shot, in frames relative to that shot. */
    StoryboardBuilder line(String speaker, String text, int startFrame, int endFrame) {
        Shot s = shots.remove(shots.size() - 1);
        List<ShotLine> lines = new ArrayList<>(s.lines());
        lines.add(new ShotLine(speaker, text, startFrame, endFrame));
        shots.add(new Shot(s.index(), s.kind(), s.frames(), s.framing(), s.camera(), s.place(), s.timeOfDay(),
                s.cast(), s.action(), lines, s.sfx(), s.prompt()));
        return this;
    }

    Storyboard build() {
        return new Storyboard(episode, 30, 1080, 1920, mood, "To be continued", shots);
    }
}
