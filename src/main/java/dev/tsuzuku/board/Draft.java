package dev.tsuzuku.board;

import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotCast;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A shot being built: mutable until the length is fitted, then frozen into a {@link Shot}. */
final class Draft {
    /** One line of speech in the shot, before it is laid out in frames. */
    record Spoken(String speaker, String text, double seconds) {}

    final ShotKind kind;
    boolean firstInScene;
    final Set<Integer> lineIds = new LinkedHashSet<>();
    LineKind lineKind;
    Framing framing;
    CameraMove camera;
    String place;
    String timeOfDay;
    List<ShotCast> cast = List.of();
    String action = "";
    final List<Spoken> spoken = new ArrayList<>();
    List<String> sfx = List.of();
    int min;
    int max = Integer.MAX_VALUE;
    int extra;

    Draft(ShotKind kind) {
        this.kind = kind;
    }

    private SpeechLayout layout;

    /** Computed once: speech, min and max are settled before anyone asks for the length. */
    SpeechLayout layout() {
        if (layout == null) {
            layout = SpeechLayout.of(spoken.stream().map(s -> ShotTiming.frames(s.seconds())).toList(), min, max);
        }
        return layout;
    }

    int frames() {
        return layout().frames + extra;
    }

    Shot toShot(int index, ShotPrompt prompts) {
        SpeechLayout layout = layout();
        List<ShotLine> lines = new ArrayList<>();
        for (int i = 0; i < spoken.size(); i++) {
            lines.add(new ShotLine(spoken.get(i).speaker(), spoken.get(i).text(), layout.starts[i], layout.ends[i]));
        }
        String prompt = prompts.prompt(cast, place, timeOfDay, action, camera, framing);
        return new Shot(index, kind, layout.frames + extra, framing, camera, place, timeOfDay, cast, action,
                lines, sfx, prompt);
    }
}
