package dev.tsuzuku.produce;

import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import dev.tsuzuku.render.MasterSpec;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code cut}: the segments joined and muxed with the mix into episode.mp4; kept when the file already is this cut. */
final class CutStep implements Step<Production> {
    /** Bump when the way the master is cut changes, so episodes are cut again. */
    static final int VERSION = 1;

    private final MediaTool media;
    private final ArtifactCache cache;

    CutStep(MediaTool media, ArtifactCache cache) {
        this.media = media;
        this.cache = cache;
    }

    @Override
    public String name() {
        return "cut";
    }

    @Override
    public long units(Production p) {
        return p.timed.totalFrames();
    }

    @Override
    public void run(Production p, Progress.Task task) {
        Storyboard board = p.timed;
        Path video = p.video();
        String key = InputHash.of("cut", VERSION).add(p.segments.keys).add(p.mix.getFileName().toString())
                .add(Integer.toString(board.totalFrames())).hex();
        Path marker = cache.pathFor(key, "sha256");
        if (!p.fresh && Files.isRegularFile(marker) && Files.isRegularFile(video)
                && read(marker).equals(InputHash.file(video))) {
            p.cutReused = true;
            return;
        }
        media.cut(p.segments.files, p.mix, MasterSpec.of(board), video);
        AtomicFiles.write(marker, InputHash.file(video));
        p.cutReused = false;
        task.advance(board.totalFrames());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
