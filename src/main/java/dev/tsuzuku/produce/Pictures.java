package dev.tsuzuku.produce;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.render.FrameSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * What {@code produce} needs from the picture maker (the animatic renderer today, a video
 * provider's takes later). A shot's segment is cached under {@link #fingerprint}: it must name
 * everything the shot's pixels depend on (and the maker's version), and nothing else, so that a
 * change elsewhere in the episode does not re-render the shot.
 */
public interface Pictures {

    /** "animatic" for the built-in renderer; written to the manifest per shot. */
    String provider();

    /** Changes whenever the same inputs would draw different pictures (sheets, cover). */
    String version();

    /** Everything shot {@code shotIndex}'s frames depend on, as text; hashed into its cache key. */
    String fingerprint(Bible bible, Storyboard board, int shotIndex);

    /** Writes the character sheets of the bible's cast into {@code dir}. */
    void sheets(Bible bible, Path dir);

    /** The frames of one shot, 0-based within the shot. */
    FrameSource shot(Bible bible, Storyboard board, int shotIndex);

    /** The 9:16 cover picture of the episode. */
    BufferedImage cover(Bible bible, Storyboard board, String title);
}
