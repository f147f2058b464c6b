package dev.tsuzuku.produce;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.DropSchedule;
import dev.tsuzuku.model.EpisodePlan;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Hook;
import dev.tsuzuku.model.HookKind;
import dev.tsuzuku.model.Line;
import dev.tsuzuku.model.LineKind;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Monetization;
import dev.tsuzuku.model.Routing;
import dev.tsuzuku.model.Script;
import dev.tsuzuku.model.ScriptScene;
import dev.tsuzuku.model.Season;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotCast;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.VoiceSpec;
import dev.tsuzuku.render.FrameSource;
import dev.tsuzuku.voice.Speech;
import dev.tsuzuku.voice.Voice;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Small, fast stand-ins for the storyboarder, renderer, voice and mixer, so produce can be
 * specified on a 2–3 s episode. They count their calls so tests can see what was redone.
 */
public final class FakeStudio {
    /** A small picture keeps these tests fast; the full 1080×1920 master is RealEncodeTest's job. */
    public static final int W = 216;
    public static final int H = 384;

    public final AtomicInteger spoken = new AtomicInteger();
    public final AtomicInteger mixes = new AtomicInteger();
    public final AtomicInteger shotsDrawn = new AtomicInteger();
    public final AtomicInteger sheetsDrawn = new AtomicInteger();
    /** The threads the mixes ran on, in order. */
    public final List<String> mixThreads = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Mixes still to fail (a broken mixer), counted down by each mix. */
    public final AtomicInteger mixFailures = new AtomicInteger();

    public static Bible bible() {
        VoiceSpec v = new VoiceSpec("en-us", 50, 170);
        return new Bible("peach-boy", "Peach Boy", "A boy from a peach.", "en", "folk", new ArtStyle("shojo-pastel", ""),
                List.of(new Character("Momotaro", List.of(), Character.Role.LEAD,
                                new Look("black", "brown", "red", "#f1c27d", "small"), v),
                        new Character("Narrator", List.of(), Character.Role.NARRATOR, null, v)),
                List.of(), 150, new DropSchedule(LocalTime.of(19, 0), ZoneId.of("UTC")), new Monetization(5, 60),
                new Routing("offline", null, null, null, "animatic", "offline", 0, "USD"));
    }

    public static Season season() {
        return new Season("peach-boy", List.of(plan(1), plan(2), plan(3)));
    }

    public static EpisodePlan plan(int n) {
        return new EpisodePlan(n, "Episode " + n, "", 150, null, List.of(), "", new Hook("What now?", HookKind.QUESTION), "", null);
    }

    public static Script script(int episode, String... dialogue) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(LineKind.NARRATION, null, "Long ago, a peach came down the river.", 2));
        for (String d : dialogue) {
            lines.add(new Line(LineKind.DIALOGUE, "Momotaro", d, 2));
        }
        return new Script(episode, "The Peach", 10, List.of(new ScriptScene("river", "day", lines)),
                new Hook(dialogue.length == 0 ? "What now?" : dialogue[dialogue.length - 1], HookKind.QUESTION));
    }

    public ProductionKit kit() {
        return kit(new Boards());
    }

    /**
     * The fakes around another storyboard source (the real board stage, in the app's tests); the
     * boards it gives must have the fakes' shape (one line per shot).
     */
    public ProductionKit kit(Boarding boards) {
        Boarding retimedHere = new Boarding() {
            @Override
            public Storyboard board(Bible bible, EpisodePlan plan, Script script) {
                return boards.board(bible, plan, script);
            }

            @Override
            public Storyboard retime(Storyboard board, ToDoubleFunction<ShotLine> measured) {
                return new Boards().retime(board, measured);
            }
        };
        return new ProductionKit(retimedHere, new Frames(), new Beeps(), (speaker, bible) -> new VoiceSpec(
                speaker == null ? "narrator" : speaker, 50, 170), new Mixer());
    }

    /** One shot per spoken line; retime makes each shot the line's length plus 4 frames. */
    public static final class Boards implements Boarding {
        /** The fake storyboard of a script (no workspace needed). */
        public static Storyboard of(Script script) {
            return new Boards().board(null, null, script);
        }

        @Override
        public Storyboard board(dev.tsuzuku.model.Bible bible, EpisodePlan plan, Script script) {
            List<Shot> shots = new ArrayList<>();
            for (Line l : script.scenes().get(0).lines()) {
                int frames = (int) Math.round(l.seconds() * 30);
                shots.add(shot(shots.size() + 1, frames, new ShotLine(l.speaker(), l.text(), 0, frames)));
            }
            return new Storyboard(script.episode(), 30, W, H, "calm", "To be continued", shots);
        }

        @Override
        public Storyboard retime(Storyboard board, ToDoubleFunction<ShotLine> measured) {
            List<Shot> shots = new ArrayList<>();
            for (Shot s : board.shots()) {
                ShotLine l = s.lines().get(0);
                int said = (int) Math.ceil(measured.applyAsDouble(l) * 30);
                shots.add(shot(s.index(), said + 4, new ShotLine(l.speaker(), l.text(), 2, 2 + said)));
            }
            return new Storyboard(board.episode(), board.fps(), board.width(), board.height(), board.mood(), board.endCard(), shots);
        }

        private static Shot shot(int index, int frames, ShotLine line) {
            return new Shot(index, ShotKind.STORY, frames, Framing.MEDIUM, CameraMove.STATIC, "river", "day",
                    List.of(new ShotCast("Momotaro", "neutral", "center")), "", List.of(line), List.of(), "");
        }
    }

    final class Frames implements Pictures {
        @Override
        public String provider() {
            return "animatic";
        }

        @Override
        public String version() {
            return "fake-1";
        }

        @Override
        public String fingerprint(dev.tsuzuku.model.Bible bible, Storyboard board, int shotIndex) {
            return version() + dev.tsuzuku.workspace.Json.write(board.shots().get(shotIndex - 1));
        }

        @Override
        public void sheets(dev.tsuzuku.model.Bible bible, Path dir) {
            sheetsDrawn.incrementAndGet();
            try {
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("momotaro.txt"), "sheet");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public FrameSource shot(dev.tsuzuku.model.Bible bible, Storyboard board, int shotIndex) {
            shotsDrawn.incrementAndGet();
            Shot shot = board.shots().stream().filter(s -> s.index() == shotIndex).findFirst().orElseThrow();
            float hue = (shot.lines().get(0).text().hashCode() & 0xff) / 255f;
            return new FrameSource() {
                public int width() { return W; }
                public int height() { return H; }
                public int frameCount() { return shot.frames(); }
                public void render(int index, BufferedImage target) {
                    Graphics2D g = target.createGraphics();
                    g.setColor(Color.getHSBColor(hue, 0.5f, 0.8f));
                    g.fillRect(0, 0, W, H);
                    g.setColor(Color.WHITE);
                    g.fillRect(index * 4, H / 2, 36, 36);
                    g.dispose();
                }
            };
        }

        @Override
        public BufferedImage cover(dev.tsuzuku.model.Bible bible, Storyboard board, String title) {
            BufferedImage img = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = img.createGraphics();
            g.setColor(Color.PINK);
            g.fillRect(0, 0, 1080, 1920);
            g.dispose();
            return img;
        }
    }

    /** Speaks 15 ms per character as a 16-bit mono 24 kHz tone. */
    final class Beeps implements Voice {
        @Override
        public String name() {
            return "beeps";
        }

        @Override
        public Speech speak(String text, VoiceSpec voice, Path wavOut) {
            spoken.incrementAndGet();
            int samples = text.length() * 360;
            write(wavOut, samples, 1, 24_000);
            return new Speech(wavOut, samples / 24_000.0);
        }
    }

    final class Mixer implements Mixing {
        @Override
        public String version() {
            return "fake-1";
        }

        @Override
        public void mix(Storyboard board, List<Placed> voices, Path outWav) {
            mixes.incrementAndGet();
            mixThreads.add(Thread.currentThread().getName());
            if (mixFailures.getAndDecrement() > 0) {
                throw new dev.tsuzuku.model.TsuzukuException("the fake mixer broke");
            }
            write(outWav, (long) board.totalFrames() * 48_000 / board.fps(), 2, 48_000);
        }

        /** Each placed line sounds for its first second. */
        @Override
        public java.util.Optional<boolean[]> voiced(Storyboard board, List<Placed> voices) {
            boolean[] v = new boolean[board.totalFrames()];
            for (Placed p : voices) {
                java.util.Arrays.fill(v, Math.min(v.length, p.startFrame()), Math.min(v.length, p.startFrame() + board.fps()), true);
            }
            return java.util.Optional.of(v);
        }
    }

    static void write(Path file, long samples, int channels, int rate) {
        int dataBytes = (int) (samples * channels * 2);
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes()).putInt(dataBytes);
        for (long i = 0; i < samples * channels; i++) {
            b.putShort((short) (3000 * Math.sin(i * 0.05)));
        }
        try {
            Files.write(file, b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
