package dev.tsuzuku.routing;

import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotLine;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a storyboard shot is for routing: the cold open and the hook (the shots that sell an
 * episode), action, narration, and dialogue in close-up. Title and end cards are the
 * animatic's typography and never go to a provider ({@link #of} gives empty).
 */
public enum ShotClass {
    COLD_OPEN, HOOK, ACTION, NARRATION, DIALOGUE_CLOSE_UP;

    private static final Set<Framing> CLOSE = Set.of(Framing.EXTREME_CLOSE_UP, Framing.CLOSE_UP, Framing.MEDIUM_CLOSE_UP);

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ShotClass fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /**
     * The class of a shot from its storyboard kind, framing, lines and camera: story shots with
     * a character speaking in a close framing are dialogue close-ups; shots told only by the
     * narrator (or silent and static) are narration; the rest (moving camera, wide dialogue,
     * silent action) are action. Empty for title and end cards.
     */
    public static Optional<ShotClass> of(Shot shot) {
        return switch (shot.kind()) {
            case COLD_OPEN -> Optional.of(COLD_OPEN);
            case HOOK -> Optional.of(HOOK);
            case TITLE, END_CARD -> Optional.empty();
            case STORY -> Optional.of(story(shot));
        };
    }

    private static ShotClass story(Shot shot) {
        boolean spoken = shot.lines().stream().map(ShotLine::speaker).anyMatch(s -> s != null && !s.isBlank());
        if (spoken && CLOSE.contains(shot.framing())) {
            return DIALOGUE_CLOSE_UP;
        }
        boolean moving = shot.camera() != null && switch (shot.camera()) {
            case SHAKE, PAN, TILT -> true;
            default -> false;
        };
        if (!spoken && !moving) {
            return NARRATION;
        }
        return ACTION;
    }
}
