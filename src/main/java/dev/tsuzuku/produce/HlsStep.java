package dev.tsuzuku.produce;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import dev.tsuzuku.render.HlsLadder;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code hls}: the streaming ladder of episode.mp4 in {@code hls/} ({@link HlsLadder}), for the
 * player. The smaller rungs are per shot segment, cached under the segment's key and the ladder's
 * version ({@link #rungKey}): the shots step encodes them with the segment, and this step encodes
 * only those it cannot find (a provider's take, a segment cached before the ladder existed) from
 * the cached segment, two at a time. Then the rungs are joined and packaged with the master's
 * video and audio, every stream copied (about a second for a whole episode). A drawn shot's rungs
 * are at constant QP, which no cap bounds: if a packaged rung's busiest segment is over its cap
 * ({@link HlsLadder#overCap}), the ladder is packaged again from rungs made at CRF with the cap as
 * VBV (cached apart, {@link #cappedRungKey}). The ladder is kept as
 * long as the master's bytes and the ladder's version are the same (the stamp {@code hls/made-from}
 * holds that key); it is written into a temporary folder and swapped in whole.
 */
final class HlsStep implements Step<Production> {
    /** Bump when the step changes; the ladder's own commands have {@link HlsLadder#VERSION}. */
    static final int VERSION = 3; // 2: rungs per cached shot segment, packaged by copy (was: the whole ladder re-encoded); 3: rungs over their cap made again with VBV
    /** Rung segments encoded at once from cached segments: one per core of a 2-core machine. */
    static final int WORKERS = 2;
    static final String DIR = "hls";
    static final String STAMP = "made-from";
    /** Rung segments are MP4 files too; their own extension in the cache keeps them apart from the master's segments. */
    static final String RUNG_EXT = "m4v";

    private final MediaTool media;

    private final ArtifactCache cache;

    HlsStep(MediaTool media, ArtifactCache cache) {
        this.media = media;
        this.cache = cache;
    }

    /** The cache key of one smaller rung of the segment cached under {@code segmentKey}. */
    static String rungKey(String segmentKey, HlsLadder.Rung rung) {
        return InputHash.of("rung", HlsLadder.VERSION).add(segmentKey).add(rung.name() + " " + rung.width() + "x" + rung.height()).hex();
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
            media.hls(video, rungs(p, false), tmp);
            List<String> overCap = HlsLadder.overCap(Files.readString(tmp.resolve("master.m3u8")));
            if (!overCap.isEmpty()) {
                // constant-QP rungs went over a cap: the ladder again from rungs made at CRF with the caps as VBV
                p.notes.accept("HLS rungs over their caps, made again with the caps enforced: " + String.join("; ", overCap));
                delete(tmp);
                Files.createDirectories(tmp);
                media.hls(video, rungs(p, true), tmp);
                List<String> still = HlsLadder.overCap(Files.readString(tmp.resolve("master.m3u8")));
                if (!still.isEmpty()) {
                    // VBV bounds the rate over its buffer (two seconds), not every 2 s segment
                    p.notes.accept("HLS rungs still over their caps after that (the encoder's buffer lets a segment run over): "
                            + String.join("; ", still));
                }
            }
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

    /**
     * The cache key of a smaller rung made from the segment at CRF with its cap as VBV
     * ({@link HlsLadder#rungsOf}), used when the constant-QP rungs went over a cap.
     */
    static String cappedRungKey(String segmentKey, HlsLadder.Rung rung) {
        return InputHash.of("rung-capped", HlsLadder.VERSION).add(segmentKey).add(rung.name() + " " + rung.width() + "x" + rung.height())
                .add(rung.maxKbps() + "k").hex();
    }

    private static String rungKey(String segmentKey, HlsLadder.Rung rung, boolean capped) {
        return capped ? cappedRungKey(segmentKey, rung) : rungKey(segmentKey, rung);
    }

    /**
     * Per encoded rung, its segments in shot order: from the cache, or encoded now from the shot's
     * segment; {@code capped}: the rungs made at CRF with the caps ({@link #cappedRungKey}).
     */
    private List<List<Path>> rungs(Production p, boolean capped) {
        List<HlsLadder.Rung> rungs = HlsLadder.encoded();
        int shots = p.segments.keys.size();
        Path[][] files = new Path[rungs.size()][shots];
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < shots; i++) {
            boolean all = true;
            for (int r = 0; r < rungs.size(); r++) {
                String key = rungKey(p.segments.keys.get(i), rungs.get(r), capped);
                Optional<Path> cached = p.fresh ? Optional.empty()
                        : cache.get(key, RUNG_EXT, "the " + rungs.get(r).name() + " rung of shot " + i);
                files[r][i] = cached.orElse(null);
                all &= cached.isPresent();
            }
            if (!all) {
                todo.add(i);
            }
        }
        p.rungsMade += todo.size();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int at : todo) {
            tasks.add(() -> {
                List<Path> tmp = new ArrayList<>();
                try {
                    for (int r = 0; r < rungs.size(); r++) {
                        tmp.add(cache.scratch(RUNG_EXT));
                    }
                    media.rungs(p.segments.files.get(at), tmp);
                    for (int r = 0; r < rungs.size(); r++) {
                        Path done = cache.put(rungKey(p.segments.keys.get(at), rungs.get(r), capped), RUNG_EXT, tmp.get(r));
                        synchronized (files) {
                            files[r][at] = done;
                        }
                    }
                } finally {
                    tmp.forEach(ShotsStep::deleteQuietly);
                }
                return null;
            });
        }
        Futures.runAll("rungs", WORKERS, tasks, "encoding the streaming rungs");
        synchronized (files) {
            List<List<Path>> out = new ArrayList<>();
            for (Path[] rung : files) {
                out.add(List.of(rung));
            }
            return out;
        }
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
