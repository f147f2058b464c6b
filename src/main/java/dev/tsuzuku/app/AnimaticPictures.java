package dev.tsuzuku.app;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.produce.Pictures;
import dev.tsuzuku.render.AnimaticRenderer;
import dev.tsuzuku.render.CharacterSheets;
import dev.tsuzuku.render.FrameSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** produce's pictures from the built-in animatic renderer. */
final class AnimaticPictures implements Pictures {
    @Override
    public String provider() {
        return "animatic";
    }

    @Override
    public String version() {
        return AnimaticRenderer.VERSION;
    }

    /** The renderer itself names what a shot's pixels depend on, so the cache key cannot drift from it. */
    @Override
    public String fingerprint(Bible bible, Storyboard board, int shotIndex) {
        return new AnimaticRenderer(bible, board).fingerprint(shotIndex);
    }

    @Override
    public void sheets(Bible bible, Path dir) {
        CharacterSheets.write(bible, dir);
    }

    @Override
    public FrameSource shot(Bible bible, Storyboard board, int shotIndex) {
        // one renderer per shot: it is not thread-safe and caches only what this shot draws
        return new AnimaticRenderer(bible, board).shot(shotIndex);
    }

    @Override
    public BufferedImage cover(Bible bible, Storyboard board, String title) {
        return new AnimaticRenderer(bible, board).cover(title);
    }
}
