package dev.tsuzuku.produce;

import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import dev.tsuzuku.render.AacParts;
import dev.tsuzuku.render.FfmpegCommands;
import dev.tsuzuku.render.MasterSpec;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Optional;

/**
 * {@code cut}: the mix encoded as AAC in parts of 8 s ({@link AacParts}), each cached under the
 * sound it holds, then the segments joined and muxed with those parts into episode.mp4, nothing
 * re-encoded; kept when the file already is this cut. A changed line re-encodes only the parts
 * whose sound changed (encoding the whole mix took ~4 s of every re-produce).
 */
final class CutStep implements Step<Production> {
    /** Bump when the way the master is cut changes, so episodes are cut again. */
    static final int VERSION = 3; // 2: the audio is encoded in cached parts (AacParts), joined without re-encoding; 3: the fast AAC coder (FfmpegCommands.AAC)
    /** Audio parts encoded at once: one per core of a 2-core machine. */
    static final int AUDIO_WORKERS = 2;

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

    /** The master's audio in parts: what each part holds and its cache key. */
    private record Plan(Path mix, AacParts.Fitted fitted, List<AacParts.Part> parts, String[] keys) {}

    private static Plan plan(Production p) {
        Storyboard board = p.timed;
        long samples = (long) board.totalFrames() * FfmpegCommands.AUDIO_RATE / board.fps();
        AacParts.Fitted fitted = AacParts.Fitted.read(p.mix, samples);
        List<AacParts.Part> parts = AacParts.plan(samples, AacParts.PACKETS_PER_PART);
        String[] keys = new String[parts.size()];
        for (AacParts.Part part : parts) {
            keys[part.index()] = InputHash.of("aac-part", VERSION).add(String.join(" ", FfmpegCommands.AAC))
                    .add((part.to() - part.from()) + " skip " + part.skip() + " keep " + part.keep())
                    .add(fitted.hash(part)).hex();
        }
        return new Plan(p.mix, fitted, parts, keys);
    }

    /**
     * Encodes the audio parts ahead of the cut (alongside the last shots; {@link ShotsStep}): the
     * cut then finds them in {@code p.audio}. Needs the mix.
     */
    void audioAhead(Production p) {
        Plan plan = plan(p);
        p.audio = new Production.Audio(plan.mix(), List.copyOf(Arrays.asList(plan.keys())), audio(p, plan));
    }

    @Override
    public void run(Production p, Progress.Task task) {
        Storyboard board = p.timed;
        Path video = p.video();
        Plan plan = plan(p);
        List<AacParts.Part> parts = plan.parts();
        String[] keys = plan.keys();
        String key = InputHash.of("cut", VERSION).add(p.segments.keys).add(Arrays.asList(keys))
                .add(Integer.toString(board.totalFrames())).hex();
        Path marker = cache.pathFor(key, "sha256");
        if (!p.fresh && Files.isRegularFile(marker) && Files.isRegularFile(video)
                && read(marker).equals(InputHash.file(video))) {
            p.cutReused = true;
            p.audioParts = parts.size();
            p.audioReused = parts.size();
            return;
        }
        Production.Audio ahead = p.audio;
        List<Path> audio = ahead != null && ahead.mix().equals(p.mix) && ahead.keys().equals(Arrays.asList(keys))
                ? ahead.files() : audio(p, plan);
        media.cutAac(p.segments.files, audio, MasterSpec.of(board), video);
        AtomicFiles.write(marker, InputHash.file(video));
        p.cutReused = false;
        task.advance(board.totalFrames());
    }

    /** The parts of the audio, from the cache or encoded now, {@link #AUDIO_WORKERS} at a time. */
    private List<Path> audio(Production p, Plan plan) {
        AacParts.Fitted fitted = plan.fitted();
        List<AacParts.Part> parts = plan.parts();
        String[] keys = plan.keys();
        Path[] files = new Path[parts.size()];
        List<AacParts.Part> todo = new ArrayList<>();
        for (AacParts.Part part : parts) {
            Optional<Path> cached = p.fresh ? Optional.empty()
                    : cache.get(keys[part.index()], "aac", "audio part " + (part.index() + 1) + " of the cut");
            if (cached.isPresent()) {
                files[part.index()] = cached.get();
            } else {
                todo.add(part);
            }
        }
        p.audioParts = parts.size();
        p.audioReused = parts.size() - todo.size();
        if (todo.isEmpty()) {
            return List.of(files);
        }
        List<Callable<Void>> tasks = new ArrayList<>();
        for (AacParts.Part part : todo) {
            tasks.add(() -> {
                Path wav = cache.scratch("wav");
                Path aac = cache.scratch("aac");
                try {
                    fitted.writePart(part, wav);
                    media.encodeAudio(wav, part.skip(), part.keep(), aac);
                    Path done = cache.put(keys[part.index()], "aac", aac);
                    synchronized (files) {
                        files[part.index()] = done;
                    }
                } finally {
                    ShotsStep.deleteQuietly(wav);
                    ShotsStep.deleteQuietly(aac);
                }
                return null;
            });
        }
        Futures.runAll("audio", AUDIO_WORKERS, tasks, "encoding the audio");
        synchronized (files) {
            return List.of(files);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
