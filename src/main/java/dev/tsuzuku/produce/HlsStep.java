package dev.tsuzuku.produce;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import dev.tsuzuku.render.HlsLadder;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code hls}: the streaming ladder of episode.mp4 in {@code hls/} ({@link HlsLadder}), for the
 * player. It is made from the finished master, so it is kept as long as the master's bytes and
 * the ladder's version are the same (the stamp {@code hls/made-from} holds that key); a new cut
 * makes a new ladder. The ladder is written into a temporary folder and swapped in whole.
 */
final class HlsStep implements Step<Production> {
    /** Bump when the step changes; the ladder's own command has {@link HlsLadder#VERSION}. */
    static final int VERSION = 1;
    static final String DIR = "hls";
    static final String STAMP = "made-from";

    private final MediaTool media;

    HlsStep(MediaTool media) {
        this.media = media;
    }

    @Override
    public String name() {
        return "hls";
    }

    @Override
    public void run(Production p, Progress.Task task) {
        Path video = p.video();
        String key = InputHash.of("hls", VERSION).add("ladder-" + HlsLadder.VERSION).add(InputHash.file(video)).hex();
        Path dir = p.file(DIR);
        if (!p.fresh && key.equals(read(dir.resolve(STAMP))) && Files.isRegularFile(dir.resolve("master.m3u8"))) {
            p.hlsReused = true;
            return;
        }
        Path tmp = p.dir.resolve(".hls-" + ProcessHandle.current().pid() + ".tmp");
        Path old = p.dir.resolve(".hls-" + ProcessHandle.current().pid() + ".old");
        try {
            delete(tmp);
            delete(old);
            Files.createDirectories(tmp);
            media.hls(video, tmp);
            AtomicFiles.write(tmp.resolve(STAMP), key);
            if (Files.exists(dir)) {
                Files.move(dir, old);
            }
            Files.move(tmp, dir);
            delete(old);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(dir, e);
        } finally {
            try {
                delete(tmp);
            } catch (IOException e) {
                // a leftover temporary folder is swept by the next run
            }
        }
        p.hlsReused = false;
        task.advance(1);
    }

    private static String read(Path stamp) {
        try {
            return Files.readString(stamp).strip();
        } catch (IOException e) {
            return "";
        }
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw new TsuzukuException("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }
}
