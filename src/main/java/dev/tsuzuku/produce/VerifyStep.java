package dev.tsuzuku.produce;

import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import dev.tsuzuku.render.MasterSpec;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.render.Probe;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code verify}: probes the master and fails loudly when it is off spec; keeps its SHA-256 for
 * the manifest. A full decode would take a fifth of the produce time of a 150 s episode on two
 * cores, so it is left to the tests (RealEncodeTest) that pin the command lines this file was made with.
 */
final class VerifyStep implements Step<Production> {
    private final MediaTool media;

    VerifyStep(MediaTool media) {
        this.media = media;
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public void run(Production p, Progress.Task task) {
        Storyboard board = p.timed;
        Path video = p.video();
        List<String> off = Probe.offSpec(media.probe(video), MasterSpec.of(board));
        if (!off.isEmpty()) {
            throw new TsuzukuException(p.workspace.relative(video) + " is off spec:\n    " + String.join("\n    ", off)
                    + "\n    (delete .tsuzuku/cache and run produce again; if it persists, report it with this output)");
        }
        p.checksum = InputHash.file(video);
        task.advance(1);
    }
}
