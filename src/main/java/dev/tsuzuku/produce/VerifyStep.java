package dev.tsuzuku.produce;

import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import dev.tsuzuku.render.Probe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code verify}: probes the master and fails loudly when it is off spec; keeps its SHA-256 for
 * the manifest. A full decode would take a fifth of the produce time of a 150 s episode on two
 * cores, so it is left to the tests (RealEncodeTest) that pin the command lines this file was made with.
 */
final class VerifyStep implements Step<Production> {
    private final Probe probe;

    VerifyStep(Probe probe) {
        this.probe = probe;
    }

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public void run(Production p, Progress.Task task) {
        Storyboard board = p.timed;
        Path video = p.video();
        List<String> off = new ArrayList<>(Probe.deviations(probe.probe(video), board.width(), board.height(),
                board.fps(), board.totalFrames()));
        List<String> boxes = Probe.topLevelBoxes(video);
        if (boxes.indexOf("moov") < 0 || boxes.indexOf("moov") > boxes.indexOf("mdat")) {
            off.add("moov box is not before mdat (no faststart): " + boxes);
        }
        if (!off.isEmpty()) {
            throw new TsuzukuException(p.workspace.relative(video) + " is off spec:\n    " + String.join("\n    ", off)
                    + "\n    (delete .tsuzuku/cache and run produce again; if it persists, report it with this output)");
        }
        p.checksum = InputHash.file(video);
        task.advance(1);
    }
}
