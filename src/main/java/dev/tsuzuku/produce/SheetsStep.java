package dev.tsuzuku.produce;

import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code sheets}: the cast's character sheets in {@code characters/}, redrawn when the cast or style changes. */
final class SheetsStep implements Step<Production> {
    /** Bump when the sheets' logic changes, so old sheets are drawn again. */
    static final int VERSION = 1;

    private final Pictures pictures;
    private final ArtifactCache cache;

    SheetsStep(Pictures pictures, ArtifactCache cache) {
        this.pictures = pictures;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "sheets";
    }

    @Override
    public void run(Production p, Progress.Task task) {
        InputHash h = InputHash.of("sheets", VERSION).add(p.bible.cast()).add(p.bible.style()).add(pictures.version());
        if (!p.bible.setting().era().equals("unspecified")) {
            h.add("era=" + p.bible.setting().era()); // costumes follow the era; unspecified keeps its old key
        }
        String key = h.hex();
        Path dir = p.workspace.charactersDir();
        if (!p.fresh && cache.get(key, "done").isPresent() && Files.isDirectory(dir)) {
            return;
        }
        pictures.sheets(p.bible, dir);
        cache.mark(key, "done", p.workspace.relative(dir) + "\n");
        task.advance(1);
    }
}
