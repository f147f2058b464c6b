package dev.tsuzuku.render;

import static dev.tsuzuku.render.Boards.momotaro;
import static dev.tsuzuku.render.Boards.shot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.ShotKind;
import dev.tsuzuku.model.Storyboard;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Frames of every kind of shot against golden frames captured from the renderer before the
 * produce-speed work (docs/decisions/0018-produce-speed.md): the pictures must stay the same
 * (PSNR ≥ 40 dB; on the JDK they were captured with they are identical). The frames are drawn at
 * 360×640 so the golden PNGs stay small; the renderer draws every size with the same code.
 *
 * <p>To re-capture after an intended change of the pictures (and a bump of
 * {@link AnimaticRenderer#VERSION}): {@code -Dtsuzuku.golden.write=src/test/resources/golden}.
 */
class GoldenFramesTest {
    static final int W = 360;
    static final int H = 640;

    /** Shot index and frame numbers: entrances, face patches, captions, camera moves, freeze, cards. */
    static final int[][] FRAMES = {
            {1, 3, 20}, {2, 0, 45, 80}, {3, 12, 60}, {4, 30, 89}, {5, 9, 40}, {6, 20, 58, 70}, {7, 5, 50}, {8, 40}};

    static Storyboard board() {
        return new Storyboard(1, 30, W, H, "adventure", "つづく — To be continued\nNext episode: Thu 18:00 JST", List.of(
                shot(1).kind(ShotKind.TITLE).frames(60).action("Title card: Episode 1 — The Peach").build(),
                shot(2).frames(90).framing(Framing.MEDIUM).at("Riverbank", "day").with("Momotaro", "happy", "left")
                        .with("Old Woman", "neutral", "right").line("Momotaro", "I will go to Ogre Island.", 10, 50)
                        .line("Old Woman", "Then take these dumplings with you.", 52, 88).build(),
                shot(3).frames(90).framing(Framing.CLOSE_UP).camera(CameraMove.PUSH_IN).at("Cottage", "night")
                        .with("Momotaro", "determined", "center").line("Momotaro", "Tomorrow, at dawn.", 20, 80).build(),
                shot(4).frames(90).framing(Framing.MEDIUM_WIDE).camera(CameraMove.PAN).at("Riverbank", "dusk")
                        .with("Dog", "surprised", "left").with("Monkey", "happy", "right")
                        .line("Dog", "A peach dumpling? I'll follow you anywhere!", 10, 80).build(),
                shot(5).frames(60).framing(Framing.WIDE).camera(CameraMove.TILT).at("Ogre Island", "dawn")
                        .with("Pheasant", "angry", "center").build(),
                shot(6).kind(ShotKind.HOOK).frames(80).framing(Framing.EXTREME_CLOSE_UP).camera(CameraMove.SHAKE)
                        .at("Ogre Island", "night").with("Momotaro", "angry", "center")
                        .line("Momotaro", "Who is there?", 5, 40).build(),
                shot(7).kind(ShotKind.COLD_OPEN).frames(60).framing(Framing.MEDIUM_CLOSE_UP).camera(CameraMove.PULL_OUT)
                        .at("Cottage", "day").with("Old Man", "sad", "left").with("Old Woman", "neutral", "right")
                        .line("Old Man", "The peach was this big.", 0, 50).build(),
                shot(8).kind(ShotKind.END_CARD).frames(60).build()));
    }

    @Test
    void frames_of_every_kind_of_shot_match_the_golden_frames() throws IOException {
        String write = System.getProperty("tsuzuku.golden.write");
        AnimaticRenderer r = new AnimaticRenderer(momotaro(), board());
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
        int compared = 0;
        for (int[] spec : FRAMES) {
            FrameSource frames = r.shot(spec[0]);
            for (int k = 1; k < spec.length; k++) {
                frames.render(spec[k], img);
                String name = "animatic-" + spec[0] + "-" + spec[k] + ".png";
                if (write != null) {
                    Path dir = Path.of(write);
                    Files.createDirectories(dir);
                    ImageIO.write(img, "png", dir.resolve(name).toFile());
                    continue;
                }
                BufferedImage golden;
                try (InputStream in = getClass().getResourceAsStream("/golden/" + name)) {
                    assertThat(in).as("golden frame " + name).isNotNull();
                    golden = ImageIO.read(in);
                }
                double psnr = Psnr.of(golden, img);
                assertThat(psnr).as("PSNR of shot %d frame %d against %s", spec[0], spec[k], name).isGreaterThanOrEqualTo(40.0);
                compared++;
            }
        }
        if (write == null) {
            assertThat(compared).isEqualTo(17);
        }
    }
}
