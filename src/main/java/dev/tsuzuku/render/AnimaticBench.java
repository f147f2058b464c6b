package dev.tsuzuku.render;

import dev.tsuzuku.model.ArtStyle;
import dev.tsuzuku.model.Bible;
import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Character;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Look;
import dev.tsuzuku.model.Place;
import dev.tsuzuku.model.Shot;
import dev.tsuzuku.model.ShotCast;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.ShotLine;
import dev.tsuzuku.model.Storyboard;
import dev.tsuzuku.model.VoiceSpec;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * {@code tsuzuku bench animatic}: what one frame of a typical shot costs to draw here. Two shots
 * (a medium two-shot by day, a pushed-in close-up at night) are prepared, drawn once cold and once
 * warm; the warm pass is judged against the budget that keeps rendering under the encoder's pace.
 */
public final class AnimaticBench {
    /** Milliseconds a warm frame may take: 30 fps of 1080×1920 stays ahead of x264 on two cores. */
    public static final double BUDGET_MS_PER_FRAME = 8.0;

    private final LongSupplier nanoTime;

    /** {@code nanoTime} is the time source (the CLI passes the thread's CPU time). */
    public AnimaticBench(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** One shot's figures; the timed passes stop one frame short of the end, whose draw frees the shot's layers. */
    public record ShotTime(int shot, String what, int frames, double prepareMs, double firstPassMsPerFrame,
            double secondPassMsPerFrame) {}

    /** Both shots, and a colour of the centre pixel of the last frame drawn (proof that something was drawn). */
    public record Report(List<ShotTime> shots, int centrePixel) {
        public List<String> lines() {
            List<String> lines = new ArrayList<>();
            for (ShotTime s : shots) {
                lines.add(String.format(Locale.ROOT, "shot %d, %-26s prepare %5.0f ms, cold %6.2f ms/frame, warm %6.2f ms/frame%s",
                        s.shot(), s.what() + ":", s.prepareMs(), s.firstPassMsPerFrame(), s.secondPassMsPerFrame(),
                        s.secondPassMsPerFrame() <= BUDGET_MS_PER_FRAME ? "  ok" : "  OVER"));
            }
            lines.add(String.format(Locale.ROOT, "budget: %.0f ms per warm frame", BUDGET_MS_PER_FRAME));
            return lines;
        }
    }

    /** Draws two shots of {@code framesPerShot} frames (at least 2) at 1080×1920. */
    public Report run(int framesPerShot) {
        if (framesPerShot < 2) {
            throw new IllegalArgumentException("framesPerShot must be at least 2, got " + framesPerShot);
        }
        Storyboard sb = storyboard(framesPerShot);
        AnimaticRenderer renderer = new AnimaticRenderer(bible(), sb);
        BufferedImage img = new BufferedImage(sb.width(), sb.height(), BufferedImage.TYPE_3BYTE_BGR);
        List<ShotTime> times = new ArrayList<>();
        String[] what = {"medium two-shot, day", "close-up push-in, night"};
        for (Shot shot : sb.shots()) {
            FrameSource frames = renderer.shot(shot.index());
            long t0 = nanoTime.getAsLong();
            frames.render(0, img);
            long prepared = nanoTime.getAsLong();
            int n = frames.frameCount() - 1;
            for (int i = 0; i < n; i++) {
                frames.render(i, img);
            }
            long warm = nanoTime.getAsLong();
            for (int i = 0; i < n; i++) {
                frames.render(i, img);
            }
            long done = nanoTime.getAsLong();
            times.add(new ShotTime(shot.index(), what[shot.index() - 1], frames.frameCount(), (prepared - t0) / 1e6,
                    (warm - prepared) / 1e6 / n, (done - warm) / 1e6 / n));
        }
        return new Report(times, img.getRGB(img.getWidth() / 2, img.getHeight() / 2) & 0xFFFFFF);
    }

    static Storyboard storyboard(int frames) {
        int end = frames - 1;
        Shot day = new Shot(1, ShotKind.STORY, frames, Framing.MEDIUM, CameraMove.STATIC, "Riverbank", "day",
                List.of(new ShotCast("Momotaro", "happy", "left"), new ShotCast("Old Woman", "neutral", "right")),
                "", List.of(new ShotLine("Momotaro", "I will go to Ogre Island.", 0, end / 2),
                        new ShotLine("Old Woman", "Then take these dumplings with you.", end / 2, end)),
                List.of(), "two-shot by the river");
        Shot night = new Shot(2, ShotKind.STORY, frames, Framing.CLOSE_UP, CameraMove.PUSH_IN, "Cottage", "night",
                List.of(new ShotCast("Momotaro", "determined", "center")), "",
                List.of(new ShotLine("Momotaro", "Tomorrow, at dawn.", 0, end)), List.of(), "close-up at night");
        return new Storyboard(1, 30, 1080, 1920, "adventure", "To be continued", List.of(day, night));
    }

    static Bible bible() {
        VoiceSpec voice = new VoiceSpec("en-us", 50, 160);
        return new Bible("bench", "The Peach Boy", "A boy born from a peach sails to Ogre Island.", "en", "fairy tale",
                new ArtStyle("anime", "clean lines, cel shading"),
                List.of(new Character("Momotaro", List.of(), Character.Role.LEAD,
                                new Look("black", "brown", "crimson", "fair", "young boy, ponytail"), voice),
                        new Character("Old Woman", List.of(), Character.Role.SUPPORTING,
                                new Look("silver", "brown", "indigo", "fair", "old woman, bun"), voice)),
                List.of(new Place("Riverbank", "exterior", "a river under the mountains"),
                        new Place("Cottage", "interior", "the old couple's house")),
                150, null, null, null);
    }
}
