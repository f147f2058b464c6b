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
import dev.tsuzuku.model.SourceSpan;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.render.FrameSource;
import dev.tsuzuku.workspace.Json;
import dev.tsuzuku.workspace.Workspace;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code tsuzuku bench produce}: how fast the produce stage is on this machine. In one scratch
 * workspace it times a full produce of a synthetic episode, a re-produce after a one-line change,
 * the render+encode of the whole episode, and the encode alone of the same number of pre-drawn
 * frames (so x264 is the only limit).
 */
public final class ProduceBench {
    private final Clock clock;

    public ProduceBench(Clock clock) {
        this.clock = clock;
    }

    /** The measured times in seconds and the targets they are judged by. */
    public record Result(double episodeSeconds, double renderEncode, double encodeOnly, double produce, double reproduce,
                         String reuse) {
        public double renderOverhead() {
            return renderEncode / encodeOnly;
        }

        public double realTime() {
            return episodeSeconds / renderEncode;
        }

        public double reproduceShare() {
            return reproduce / produce;
        }

        public List<String> lines() {
            return List.of(
                    String.format("episode            %6.1f s of video", episodeSeconds),
                    String.format("render + encode    %6.1f s  (%.2f× real time, target ≥ 1.5×)%s", renderEncode, realTime(), mark(realTime() >= 1.5)),
                    String.format("encode only        %6.1f s  (render+encode / encode = %.2f, target ≤ 1.2)%s", encodeOnly, renderOverhead(), mark(renderOverhead() <= 1.2)),
                    String.format("full produce       %6.1f s", produce),
                    String.format("re-produce 1 line  %6.1f s  (%.0f%% of full, target ≤ 20%%)%s  %s", reproduce, 100 * reproduceShare(), mark(reproduceShare() <= 0.2), reuse));
        }

        private static String mark(boolean ok) {
            return ok ? "  ok" : "  MISSED";
        }
    }

    /** Runs the bench in {@code scratch} (an empty directory); {@code producerFor} wires a producer to it. */
    public Result run(Path scratch, int seconds, Function<Workspace, Producer> producerFor) {
        Workspace ws = new Workspace(scratch);
        Bible bible = bible(seconds);
        Json.writeFile(ws.seasonJson(), new Season(bible.id(), List.of(plan(seconds))));
        Path scriptFile = ws.episodeDir(1).resolve("script.json");
        Json.writeFile(scriptFile, script(seconds, "the bell"));
        Producer producer = producerFor.apply(ws);

        long t0 = clock.millis();
        Producer.Report first = producer.produce(bible, 1, false);
        double produce = secondsSince(t0);

        Json.writeFile(scriptFile, script(seconds, "the drum"));
        t0 = clock.millis();
        Producer.Report second = producer.produce(bible, 1, false);
        double reproduce = secondsSince(t0);

        Storyboard board = first.board();
        MediaTool encoder = producer.encoder();
        FrameSource episode = new Sequence(board.shots().stream()
                .map(s -> producer.kit().pictures().shot(bible, board, s.index())).toList());
        t0 = clock.millis();
        encoder.encode(episode, board.fps(), scratch.resolve("bench-render.mp4"), n -> {});
        double renderEncode = secondsSince(t0);

        FrameSource still = new Still(episode, board.totalFrames());
        t0 = clock.millis();
        encoder.encode(still, board.fps(), scratch.resolve("bench-encode.mp4"), n -> {});
        double encodeOnly = secondsSince(t0);

        return new Result((double) board.totalFrames() / board.fps(), renderEncode, encodeOnly, produce, reproduce, second.reuse());
    }

    private double secondsSince(long t0) {
        return (clock.millis() - t0) / 1000.0;
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

    /** The shots' frame sources one after the other, as one episode. */
    private record Sequence(List<FrameSource> parts) implements FrameSource {
        public int width() {
            return parts.get(0).width();
        }

        public int height() {
            return parts.get(0).height();
        }

        public int frameCount() {
            return parts.stream().mapToInt(FrameSource::frameCount).sum();
        }

        public void render(int index, BufferedImage target) {
            for (FrameSource p : parts) {
                if (index < p.frameCount()) {
                    p.render(index, target);
                    return;
                }
                index -= p.frameCount();
            }
            throw new IndexOutOfBoundsException(index);
        }
    }

    /**
     * One second of the episode (from its middle) drawn up front, then copied out again and
     * again: the cheapest possible source, with real moving content so x264 does its usual work.
     * A loop of exactly one GOP keeps each second as hard to encode as the original second.
     */
    private static final class Still implements FrameSource {
        private static final int LOOP = 30;
        private final List<byte[]> frames = new ArrayList<>();
        private final int width;
        private final int height;
        private final int count;

        Still(FrameSource from, int count) {
            this.width = from.width();
            this.height = from.height();
            this.count = count;
            int first = Math.max(0, from.frameCount() / 2 - LOOP / 2);
            for (int i = first; i < Math.min(from.frameCount(), first + LOOP); i++) {
                BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
                from.render(i, img);
                frames.add(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
            }
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        public int frameCount() {
            return count;
        }

        public void render(int index, BufferedImage target) {
            byte[] src = frames.get(index % frames.size());
            System.arraycopy(src, 0, ((DataBufferByte) target.getRaster().getDataBuffer()).getData(), 0, src.length);
        }
    }
}
