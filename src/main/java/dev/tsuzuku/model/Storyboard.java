package dev.tsuzuku.model;

import java.util.List;

/**
 * The shot list of one episode at {@code fps} (30) and {@code width}×{@code height} (the vertical
 * master, {@value #MASTER_WIDTH}×{@value #MASTER_HEIGHT}). {@code mood} picks the music bed;
 * {@code endCard} is the "To be continued" text with the next drop's day and time.
 */
public record Storyboard(int episode, int fps, int width, int height, String mood, String endCard, List<Shot> shots) {
    /** The 9:16 vertical master every episode, cover and safe zone is made at. */
    public static final int MASTER_WIDTH = 1080;
    public static final int MASTER_HEIGHT = 1920;

    public Storyboard {
        shots = List.copyOf(shots);
    }

    public int totalFrames() {
        return shots.stream().mapToInt(Shot::frames).sum();
    }

    public int firstFrameOf(int shotIndex) {
        int f = 0;
        for (Shot s : shots) {
            if (s.index() == shotIndex) {
                return f;
            }
            f += s.frames();
        }
        throw new IllegalArgumentException("no shot " + shotIndex);
    }
}
