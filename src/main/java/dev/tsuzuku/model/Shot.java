package dev.tsuzuku.model;

import java.util.List;

/** One storyboard shot; its length is in integer frames at the storyboard's fps. */
public record Shot(
        int index,
        ShotKind kind,
        int frames,
        Framing framing,
        CameraMove camera,
        String place,
        String timeOfDay,
        List<ShotCast> cast,
        String action,
        List<ShotLine> lines,
        List<String> sfx,
        String prompt) {

    public Shot {
        cast = List.copyOf(cast);
        lines = List.copyOf(lines);
        sfx = List.copyOf(sfx);
    }
}
