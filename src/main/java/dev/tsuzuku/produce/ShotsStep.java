package dev.tsuzuku.produce;

import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.pipeline.ArtifactCache;
import dev.tsuzuku.pipeline.InputHash;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.pipeline.Step;
import dev.tsuzuku.render.HlsLadder;
import dev.tsuzuku.render.MediaTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Optional;

/**
 * {@code shots}: each shot of the timed board drawn and encoded into its own segment, cached
 * under everything its pixels depend on, so a change elsewhere in the episode does not redraw it.
 * A drawn shot's smaller HLS rungs are encoded in the same pass and cached beside it
 * ({@link HlsStep#rungKey}); a provider's take gets them in the hls step.
 */
final class ShotsStep implements Step<Production> {
    /** Bump when the way a segment is made changes, so cached segments are made again. */
    static final int VERSION = 5; // 2: frames piped as yuv420p converted in Java (render/Yuv420); 3: fades applied in yuv420p; 4: captions blended in yuv420p (render/YuvSprite); 5: Japanese/Chinese title kicker and even caption rows
    /** Shots rendered and encoded at once; two fill a 2-core machine (measured by 'tsuzuku bench produce'). */
    static final int RENDER_WORKERS = 2;

    private final Pictures pictures;
    private final MediaTool media;
    private final ArtifactCache cache;
    private final java.util.function.Consumer<Production> alongside;

    ShotsStep(Pictures pictures, MediaTool media, ArtifactCache cache) {
        this(pictures, media, cache, p -> { });
    }

    /**
     * {@code alongside}: later work that needs no shot (the mix and its audio parts), run in this
     * step's pool after the last shot has started, so it fills the core a finishing shot leaves idle.
     * It is best effort: if it fails, its own steps do the work again and report the failure.
     */
    ShotsStep(Pictures pictures, MediaTool media, ArtifactCache cache, java.util.function.Consumer<Production> alongside) {
        this.pictures = pictures;
        this.media = media;
        this.cache = cache;
        this.alongside = alongside;
    }

    @Override
    public String name() {
        return "shots";
    }

    /** Frames of the whole episode; a segment taken from the cache counts as done at once. */
    @Override
    public long units(Production p) {
        return p.timed.totalFrames();
    }

    String key(Shot shot, Storyboard board, Bible bible) {
        return key(shot, board, bible, null);
    }

    /** A provider's take or a keyframe is keyed by its file's content; the animatic's shot by its fingerprint. */
    String key(Shot shot, Storyboard board, Bible bible, Generator.Picture picture) {
        if (picture != null && (picture.clip() != null || picture.keyframe() != null)) {
            boolean take = picture.clip() != null;
            return InputHash.of(take ? "take-segment" : "keyframe-segment", VERSION)
                    .add(InputHash.file(take ? picture.clip() : picture.keyframe()))
                    .add(take ? "" : String.valueOf(shot.camera()))
                    .add(shot.frames() + "f " + board.width() + "x" + board.height() + "@" + board.fps())
                    .add(media.settings())
                    .hex();
        }
        return InputHash.of("segment", VERSION)
                .add(pictures.provider())
                .add(pictures.fingerprint(bible, board, shot.index()))
                .add(board.width() + "x" + board.height() + "@" + board.fps())
                .add(media.settings())
                .hex();
    }

    @Override
    public void run(Production p, Progress.Task task) {
        Storyboard board = p.timed;
        Segments segs = new Segments();
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < board.shots().size(); i++) {
            Shot s = board.shots().get(i);
            String key = key(s, board, p.bible, picture(p, i));
            Optional<Path> cached = p.fresh ? Optional.empty() : cache.get(key, "mp4", "the segment of shot " + s.index());
            segs.keys.add(key);
            segs.files.add(cached.orElse(null));
            if (cached.isPresent()) {
                segs.reused++;
                task.advance(s.frames());
            } else {
                todo.add(i);
            }
        }
        p.segments = segs;
        if (todo.isEmpty()) {
            return;
        }
        // longest shots first, so the run does not end with one long shot encoding while the other core waits
        todo.sort(java.util.Comparator.comparingInt((Integer i) -> board.shots().get(i).frames()).reversed());
        // Two shots at a time: while one shot's renderer prepares its layers or its encoder starts up,
        // the other keeps the cores busy. Each shot has its own renderer and encoders (libx264 in this
        // process, or an ffmpeg process: render/FfmpegMediaTool).
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int at : todo) {
            Shot s = board.shots().get(at);
            tasks.add(() -> {
                Path tmp = cache.scratch("mp4");
                List<Path> rungs = new ArrayList<>();
                try {
                    Generator.Picture made = picture(p, at);
                    if (made != null && made.clip() != null) {
                        media.conform(made.clip(), board.width(), board.height(), board.fps(), s.frames(), tmp);
                        task.advance(s.frames());
                    } else {
                        // the ladder's smaller rungs come from the same frames in the same ffmpeg (the hls step joins them)
                        for (int r = 0; r < HlsLadder.encoded().size(); r++) {
                            rungs.add(cache.scratch(HlsStep.RUNG_EXT));
                        }
                        var frames = made != null && made.keyframe() != null
                                ? new KeyframeMotion(readImage(made.keyframe()), s.camera(), board.width(), board.height(), s.frames())
                                : pictures.shot(p.bible, board, s.index());
                        media.encode(frames, board.fps(), tmp, rungs, task::advance);
                    }
                    Path done = cache.put(segs.keys.get(at), "mp4", tmp);
                    synchronized (segs) {
                        segs.files.set(at, done);
                    }
                    for (int r = 0; r < rungs.size(); r++) {
                        cache.put(HlsStep.rungKey(segs.keys.get(at), HlsLadder.encoded().get(r)), HlsStep.RUNG_EXT, rungs.get(r));
                    }
                } finally {
                    deleteQuietly(tmp);
                    rungs.forEach(ShotsStep::deleteQuietly);
                }
                return null;
            });
        }
        // queued last: a worker takes it only when every shot is running or done
        tasks.add(() -> {
            try {
                alongside.accept(p);
            } catch (RuntimeException e) {
                // best effort: the mix and cut steps make what is missing and report the failure
            }
            return null;
        });
        Futures.runAll("render", RENDER_WORKERS, tasks, "rendering a shot");
    }

    private static Generator.Picture picture(Production p, int at) {
        return p.pictures == null ? null : p.pictures.get(at);
    }

    private static java.awt.image.BufferedImage readImage(Path file) {
        try {
            java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(file.toFile());
            if (img == null) {
                throw new TsuzukuException("the keyframe " + file.getFileName() + " is not an image this build can read");
            }
            return img;
        } catch (IOException e) {
            throw new TsuzukuException("cannot read the keyframe " + file + ": " + e.getMessage(), e);
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover scratch file in the cache is harmless
        }
    }
}
