package dev.tsuzuku.produce;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.CutScore;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Monetization;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Routing;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.pipeline.Progress;
import dev.tsuzuku.render.EncodeSettings;
import dev.tsuzuku.render.FfmpegBinaries;
import dev.tsuzuku.render.FfmpegCommands;
import dev.tsuzuku.render.FfmpegProcess;
import dev.tsuzuku.render.FrameSource;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.render.Yuv420;
import dev.tsuzuku.render.YuvFrameSource;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;

/**
 * {@code tsuzuku bench produce}: how fast the produce stage is on this machine, against x264's own
 * speed on the same pictures. In one scratch workspace it times a full produce of a synthetic
 * episode step by step, a re-produce after a one-line change, and then, on a clip of shots spread
 * over that episode:
 * <ul>
 *   <li>drawing and colour conversion alone (one thread each, ms per frame);</li>
 *   <li>the baseline: one ffmpeg with the master's x264 settings encoding the clip's very frames,
 *       captured once to a raw yuv420p file (so x264 is the only work);</li>
 *   <li>render+encode of the same shots the way produce does it (per-shot segments, the same
 *       number of shots at a time).</li>
 * </ul>
 * Baseline and render+encode run twice each, interleaved (A B B A), so that load from others on a
 * shared machine falls on both sides of the ratio.
 */
public final class ProduceBench {
    private final LongSupplier nanoTime;
    private final LongSupplier threadCpuNanos;
    private final Cpu cpu;

    /**
     * {@code nanoTime} is the stopwatch ({@code System::nanoTime} in the CLI), {@code threadCpuNanos}
     * the CPU time of the calling thread, {@code cpu} the CPU time of this process and its ffmpegs.
     */
    public ProduceBench(LongSupplier nanoTime, LongSupplier threadCpuNanos, Cpu cpu) {
        this.nanoTime = nanoTime;
        this.threadCpuNanos = threadCpuNanos;
        this.cpu = cpu;
    }

    /**
     * CPU seconds used so far by this process and by its finished child processes (ffmpeg). On a
     * machine shared with other work, wall time says how busy the others were; CPU time says what
     * the work itself cost, and on an idle machine with n cores the wall time is at least CPU / n.
     */
    @FunctionalInterface
    public interface Cpu {
        double seconds();

        /** From /proc/self/stat (utime + stime + cutime + cstime); NaN where there is no /proc. */
        static Cpu linux() {
            return () -> {
                try {
                    String stat = Files.readString(Path.of("/proc/self/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    return ticks / 100.0; // USER_HZ is 100 on every Linux the JDK runs on
                } catch (IOException | RuntimeException e) {
                    return Double.NaN;
                }
            };
        }
    }

    /** Wall time per produce step (the labels the producer reports progress under), in order. */
    public record Steps(Map<String, Double> seconds, Map<String, Double> cpu) {
        String line(Map<String, Double> values) {
            StringBuilder b = new StringBuilder();
            values.forEach((k, v) -> b.append(String.format(Locale.ROOT, "%s %.1f  ", k, v)));
            return b.toString().strip();
        }
    }

    /** The clip measurements: frames, per-frame costs and the two encodes (sums of two runs each). */
    public record Clip(int frames, int shots, int ofShots, int fps, double drawMs, double convertMs, double convertedShare,
                       double baseline, double renderEncode, double baselineCpu, double renderEncodeCpu, int workers,
                       double framesMs) {
        public double ratio() {
            return renderEncode / baseline;
        }

        public double cpuRatio() {
            return renderEncodeCpu / baselineCpu;
        }

        public double seconds() {
            return (double) frames / fps;
        }
    }

    /** Everything measured; times in seconds. */
    public record Result(double episodeSeconds, int episodeFrames, double produce, double produceCpu, Steps produceSteps,
                         double reproduce, double reproduceCpu, Steps reproduceSteps, String reuse, Clip clip,
                         EncodeSettings settings, int cores, boolean inProcess) {

        public double produceShare() {
            return produce / episodeSeconds;
        }

        public double reproduceShare() {
            return reproduce / produce;
        }

        public double episodesPerHour() {
            return 3600 / produce;
        }

        /** The produce time this machine would need with nothing else running: its CPU time spread over every core. */
        public double idleProduce() {
            return produceCpu / cores;
        }

        public List<String> lines() {
            double perFrameEncode = clip.baselineCpu / 2 / clip.frames;
            double render = produceSteps.cpu().getOrDefault("shots", 0.0);
            return List.of(
                    f("episode             %6.1f s of video (%d frames); times are wall (CPU) seconds, %d cores",
                            episodeSeconds, episodeFrames, cores),
                    f("full produce        %6.1f s (%.1f)  %.2f× its runtime, target ≤ 0.5×%s  → %.0f episodes/hour here",
                            produce, produceCpu, produceShare(), mark(produceShare() <= 0.5), episodesPerHour()),
                    f("  if idle           ≥ %5.1f s  (CPU / cores: %.2f× runtime%s)",
                            idleProduce(), idleProduce() / episodeSeconds, mark(idleProduce() / episodeSeconds <= 0.5)),
                    f("  steps, wall       %s", produceSteps.line(produceSteps.seconds())),
                    f("  steps, CPU        %s", produceSteps.line(produceSteps.cpu())),
                    f("  shots step CPU ≈ yuv420p frames %.1f + x264 %.1f (clip's per-frame costs × frames) of %.1f;"
                            + " the rest is mostly the 720/480 HLS rungs (scaled and encoded beside each shot's master; hls only joins them),"
                            + " %s, JIT warm-up, and the mix and AAC parts, made alongside the last shots (mix and cut then find them)",
                            clip.framesMs * episodeFrames / 1000, perFrameEncode * episodeFrames, render,
                            inProcess ? "copying frames to libx264 in this process" : "the pipe to each shot's ffmpeg"),
                    f("re-produce 1 line   %6.1f s (%.1f)  %.0f%% of full (CPU %.0f%%), target ≤ 10%%%s  %s",
                            reproduce, reproduceCpu, 100 * reproduceShare(), 100 * reproduceCpu / produceCpu,
                            mark(reproduceShare() <= 0.1), reuse),
                    f("  steps, wall       %s", reproduceSteps.line(reproduceSteps.seconds())),
                    f("clip                %6.1f s  (%d frames: %d of %d shots spread over the episode)",
                            clip.seconds(), clip.frames, clip.shots, clip.ofShots),
                    f("  draw              %6.2f ms/frame CPU (one thread)", clip.drawMs),
                    f("  convert           %6.2f ms/frame CPU (one thread; BGR → yuv420p, %.0f%% of row pairs changed)",
                            clip.convertMs, 100 * clip.convertedShare),
                    f("  as produce        %6.2f ms/frame CPU (one thread; yuv420p frames as the encoder gets them: "
                            + "a moving camera's cut from the stage converted once)", clip.framesMs),
                    f("x264 alone          %6.1f s (%.1f)  2 runs: the clip's own frames from a raw yuv420p file, one ffmpeg, %s crf %d, x264's threads",
                            clip.baseline, clip.baselineCpu, settings.preset(), settings.crf()),
                    f("render + encode     %6.1f s (%.1f)  2 runs, as produce: per-shot segments, %d at a time, %s x264 threads each (master only, no rungs), %s",
                            clip.renderEncode, clip.renderEncodeCpu, clip.workers,
                            settings.threads() == 0 ? "automatic" : Integer.toString(settings.threads()),
                            inProcess ? "libx264 in this process" : "an ffmpeg process per shot (TSUZUKU_ENCODE=process)"),
                    f("  ratio             %6.2f  wall, %.2f CPU  (render+encode / x264 alone, target ≤ 1.1)%s",
                            clip.ratio(), clip.cpuRatio(), mark(clip.ratio() <= 1.1)));
        }

        private static String f(String format, Object... args) {
            return String.format(Locale.ROOT, format, args);
        }

        private static String mark(boolean ok) {
            return ok ? "  ok" : "  MISSED";
        }
    }

    /** What the bench needs of a production floor wired to its scratch workspace. */
    public interface Floor {
        /** Produces an episode of a bible that is not on disk (the bench's synthetic series). */
        ProduceStage.Report produce(Bible bible, int episode);

        Pictures pictures();

        MediaTool encoder();
    }

    /**
     * Runs the bench in {@code scratch} (an empty directory). {@code floorFor} wires a production
     * floor to the workspace, reporting to the given progress; {@code clipSeconds} is the clip's length.
     */
    public Result run(Path scratch, int seconds, int clipSeconds, FfmpegBinaries ffmpeg,
                      BiFunction<Workspace, Progress, Floor> floorFor, Progress shown) {
        Workspace ws = new Workspace(scratch);
        Bible bible = bible(seconds);
        Json.writeFile(ws.seasonJson(), new Season(bible.id(), List.of(plan(seconds))));
        Path scriptFile = ws.episodeDir(1).resolve("script.json");
        Json.writeFile(scriptFile, script(seconds, "the bell"));
        StepTimer steps = new StepTimer(shown, nanoTime, cpu);
        Floor producer = floorFor.apply(ws, steps);

        long t0 = nanoTime.getAsLong();
        double c0 = cpu.seconds();
        ProduceStage.Report first = producer.produce(bible, 1);
        double produce = since(t0);
        double produceCpu = cpu.seconds() - c0;
        Steps produceSteps = steps.take();

        Json.writeFile(scriptFile, script(seconds, "the drum"));
        t0 = nanoTime.getAsLong();
        c0 = cpu.seconds();
        ProduceStage.Report second = producer.produce(bible, 1);
        double reproduce = since(t0);
        double reproduceCpu = cpu.seconds() - c0;
        Steps reproduceSteps = steps.take();

        Storyboard board = first.board();
        Clip clip = clip(scratch, board, bible, producer, clipSeconds, ffmpeg, shown);
        return new Result((double) board.totalFrames() / board.fps(), board.totalFrames(), produce, produceCpu, produceSteps,
                reproduce, reproduceCpu, reproduceSteps, second.reuse(), clip, producer.encoder().settings(),
                Runtime.getRuntime().availableProcessors(),
                producer.encoder() instanceof dev.tsuzuku.render.FfmpegMediaTool f && f.inProcess());
    }

    /** Shots spread evenly over the board whose frames add up to about {@code seconds}. */
    static List<Shot> pick(Storyboard board, int seconds) {
        int want = seconds * board.fps();
        List<Shot> shots = board.shots();
        int stride = Math.max(1, (int) Math.round((double) board.totalFrames() / Math.max(1, want)));
        List<Shot> out = new ArrayList<>();
        int frames = 0;
        for (int offset = stride / 2; frames < want && offset >= 0; offset--) {
            for (int i = offset; i < shots.size() && frames < want; i += stride) {
                if (!out.contains(shots.get(i))) {
                    out.add(shots.get(i));
                    frames += shots.get(i).frames();
                }
            }
        }
        out.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return out;
    }

    private Clip clip(Path scratch, Storyboard board, Bible bible, Floor producer, int clipSeconds, FfmpegBinaries ffmpeg,
                      Progress shown) {
        List<Shot> shots = pick(board, clipSeconds);
        Pictures pictures = producer.pictures();
        int w = board.width(), h = board.height();
        int frames = shots.stream().mapToInt(Shot::frames).sum();
        Path raw = scratch.resolve("clip.yuv");
        long draw = 0, convert = 0;
        double share;
        try (var t = shown.start("capture", frames);
             FileChannel out = FileChannel.open(raw, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
            long changed = 0, seen = 0;
            for (Shot s : shots) {
                FrameSource src = pictures.shot(bible, board, s.index());
                Yuv420 yuv = new Yuv420(w, h);
                for (int i = 0; i < src.frameCount(); i++) {
                    long a = threadCpuNanos.getAsLong();
                    src.render(i, img);
                    long b = threadCpuNanos.getAsLong();
                    byte[] frame = yuv.convert(bgr);
                    long c = threadCpuNanos.getAsLong();
                    draw += b - a;
                    convert += c - b;
                    ByteBuffer buf = ByteBuffer.wrap(frame);
                    while (buf.hasRemaining()) {
                        out.write(buf);
                    }
                    t.advance(1);
                }
                changed += Math.round(yuv.convertedShare() * src.frameCount());
                seen += src.frameCount();
            }
            share = (double) changed / Math.max(1, seen);
        } catch (IOException e) {
            throw new TsuzukuException("cannot write the bench clip " + raw + ": " + e.getMessage(), e);
        }

        // the frames as produce hands them to x264 (a shot makes its yuv420p frames itself where it can)
        long asProduce = 0;
        try (var t = shown.start("yuv frames", frames)) {
            BufferedImage scratchImage = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            byte[] frame = new byte[Yuv420.frameBytes(w, h)];
            for (Shot s : shots) {
                FrameSource src = pictures.shot(bible, board, s.index());
                Yuv420 yuv = new Yuv420(w, h);
                for (int i = 0; i < src.frameCount(); i++) {
                    long a = threadCpuNanos.getAsLong();
                    if (src instanceof YuvFrameSource ys) {
                        ys.renderYuv(i, scratchImage, frame);
                    } else {
                        src.render(i, scratchImage);
                        yuv.convert(((DataBufferByte) scratchImage.getRaster().getDataBuffer()).getData());
                    }
                    asProduce += threadCpuNanos.getAsLong() - a;
                    t.advance(1);
                }
            }
        }

        MediaTool encoder = producer.encoder();
        FfmpegProcess process = new FfmpegProcess(ffmpeg);
        var baselineCommand = FfmpegCommands.encodeRaw(ffmpeg.ffmpeg(), w, h, board.fps(), encoder.settings().withAutomaticThreads(), raw,
                scratch.resolve("clip-x264.mp4"));
        int workers = Math.max(1, Math.min(ShotsStep.RENDER_WORKERS, shots.size()));
        double baseline = 0, renderEncode = 0, baselineCpu = 0, renderEncodeCpu = 0;
        for (int round = 0; round < 4; round++) {
            boolean baselineTurn = round == 0 || round == 3;
            try (var t = shown.start(baselineTurn ? "x264 alone" : "render+enc", frames)) {
                long t0 = nanoTime.getAsLong();
                double c0 = cpu.seconds();
                if (baselineTurn) {
                    process.run(baselineCommand);
                    baseline += since(t0);
                    baselineCpu += cpu.seconds() - c0;
                } else {
                    encodeLikeProduce(scratch, board, bible, pictures, encoder, shots, workers, t::advance);
                    renderEncode += since(t0);
                    renderEncodeCpu += cpu.seconds() - c0;
                }
                t.advance(baselineTurn ? frames : 0);
            }
        }
        try {
            Files.deleteIfExists(raw);
        } catch (IOException e) {
            // the scratch workspace is deleted afterwards anyway
        }
        return new Clip(frames, shots.size(), board.shots().size(), board.fps(), draw / 1e6 / frames, convert / 1e6 / frames,
                share, baseline, renderEncode, baselineCpu, renderEncodeCpu, workers, asProduce / 1e6 / frames);
    }

    /** The clip's shots drawn and encoded into segments, {@code workers} shots at a time, longest first, as produce does. */
    private static void encodeLikeProduce(Path scratch, Storyboard board, Bible bible, Pictures pictures, MediaTool encoder,
                                          List<Shot> shots, int workers, java.util.function.IntConsumer done) {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            // longest first, as the shots step orders them, so the clip does not end on one long shot with a core idle
            List<Shot> order = new ArrayList<>(shots);
            order.sort(java.util.Comparator.comparingInt(Shot::frames).reversed());
            for (Shot s : order) {
                running.add(pool.submit(() -> encoder.encode(pictures.shot(bible, board, s.index()), board.fps(),
                        scratch.resolve("clip-shot-" + s.index() + ".mp4"), done)));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new TsuzukuException("encoding the bench clip failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TsuzukuException("interrupted while encoding the bench clip", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private double since(long t0) {
        return (nanoTime.getAsLong() - t0) / 1e9;
    }

    /** Passes progress on to {@code shown} and adds up each label's wall and CPU time. */
    static final class StepTimer implements Progress {
        private final Progress shown;
        private final LongSupplier nanoTime;
        private final Cpu cpu;
        private final Map<String, Double> seconds = new LinkedHashMap<>();
        private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();

        StepTimer(Progress shown, LongSupplier nanoTime, Cpu cpu) {
            this.shown = shown;
            this.nanoTime = nanoTime;
            this.cpu = cpu;
        }

        synchronized Steps take() {
            Steps s = new Steps(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds)),
                    java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cpuSeconds)));
            seconds.clear();
            cpuSeconds.clear();
            return s;
        }

        @Override
        public Task start(String label, long total) {
            Task inner = shown.start(label, total);
            long t0 = nanoTime.getAsLong();
            double c0 = cpu.seconds();
            return new Task() {
                @Override
                public void advance(long units) {
                    inner.advance(units);
                }

                @Override
                public void close() {
                    double s = (nanoTime.getAsLong() - t0) / 1e9;
                    double c = cpu.seconds() - c0;
                    synchronized (StepTimer.this) {
                        seconds.merge(label, s, Double::sum);
                        cpuSeconds.merge(label, c, Double::sum);
                    }
                    inner.close();
                }
            };
        }

        @Override
        public void note(String message) {
            shown.note(message);
        }
    }

    static Bible bible(int seconds) {
        return new Bible("bench", "Bench", "A boy and a fox walk to the mountain.", "en", "folk",
                new ArtStyle("shojo-pastel", "soft watercolour"),
                List.of(new Character("Taro", List.of(), Character.Role.LEAD,
                                new Look("black", "brown", "navy", "#f1c27d", "slim"), new VoiceSpec("en-us+m3", 45, 165)),
                        new Character("Kitsune", List.of("fox"), Character.Role.SUPPORTING,
                                new Look("orange", "gold", "white", "#ffe0bd", "small"), new VoiceSpec("en-us+f3", 60, 175)),
                        new Character("Narrator", List.of(), Character.Role.NARRATOR,
                                new Look("grey", "grey", "slate", "#e0ac69", "tall"), new VoiceSpec("en-us+m1", 40, 155))),
                List.of(new Place("village", "exterior", "a village at the foot of a mountain"),
                        new Place("mountain path", "exterior", "a narrow path through cedars")),
                Math.max(60, seconds), new DropSchedule(LocalTime.of(19, 0), ZoneId.of("UTC")), new Monetization(5, 60),
                new Routing("offline", null, null, null, "animatic", "offline", 0, "USD"));
    }

    static EpisodePlan plan(int seconds) {
        return new EpisodePlan(1, "The Mountain Path", "Taro meets a fox.", seconds, new SourceSpan(0, 1000),
                List.of("Taro leaves", "the fox appears", "the fox warns him"), "A bell rings in the dark.",
                new Hook("Who rang the bell?", HookKind.QUESTION), "", new CutScore(0.8, 0, 0.8, List.of("question mark")));
    }

    /** About {@code seconds} of narration and dialogue; {@code sound} is the one word the re-produce changes. */
    static Script script(int seconds, String sound) {
        List<ScriptScene> scenes = new ArrayList<>();
        int lines = Math.max(6, seconds / 4);
        List<Line> current = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            if (i % 3 == 0) {
                current.add(new Line(LineKind.NARRATION, "Narrator", "The path climbed on through the cedars, step " + (i + 1) + " of the long way up.", 4));
            } else if (i % 3 == 1) {
                current.add(new Line(LineKind.DIALOGUE, "Taro", "Fox, how far is the shrine from here? My feet hurt.", 4));
            } else {
                current.add(new Line(LineKind.DIALOGUE, "Kitsune", "Not far now, if you keep your eyes on the lanterns.", 4));
            }
            if (i == lines / 2) {
                current.add(new Line(LineKind.DIALOGUE, "Taro", "Did you hear " + sound + "?", 2));
            }
            if (current.size() >= 6) {
                scenes.add(new ScriptScene(scenes.size() % 2 == 0 ? "village" : "mountain path", "dusk", current));
                current = new ArrayList<>();
            }
        }
        current.add(new Line(LineKind.DIALOGUE, "Kitsune", "Who rang the bell?", 2));
        scenes.add(new ScriptScene("mountain path", "night", current));
        return new Script(1, "The Mountain Path", seconds, scenes, new Hook("Who rang the bell?", HookKind.QUESTION));
    }
}
