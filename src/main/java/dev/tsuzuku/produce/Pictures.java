package dev.tsuzuku.produce;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.render.FrameSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * What {@code produce} needs from the picture maker (the animatic renderer today, a video
 * provider's takes later). {@link #version()} changes whenever the same inputs would draw
 * different pixels; it is part of every cached segment's key.
 */
public interface Pictures {

    /** "animatic" for the built-in renderer; written to the manifest per shot. */
    String provider();

    String version();

    /** Writes the character sheets of the bible's cast into {@code dir}. */
    void sheets(Bible bible, Path dir);

    /** The frames of one shot, 0-based within the shot. */
    FrameSource shot(Bible bible, Storyboard board, int shotIndex);

    /** The 9:16 cover picture of the episode. */
    BufferedImage cover(Bible bible, Storyboard board, String title);
}
