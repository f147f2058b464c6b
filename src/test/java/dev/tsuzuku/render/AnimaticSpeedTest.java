package dev.tsuzuku.render;

import static dev.tsuzuku.render.Boards.board;
import static dev.tsuzuku.render.Boards.shot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Storyboard;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Prints the per-frame cost of typical shots; the budget (≤ 8 ms) is watched by people, not asserted. */
class AnimaticSpeedTest {

    @Test
    void typical_shots_render_in_a_few_milliseconds_per_frame() {
        Storyboard sb = board(
                shot(1).frames(150).framing(Framing.MEDIUM).at("Riverbank", "day").with("Momotaro", "happy", "left")
                        .with("Old Woman", "neutral", "right").line("Momotaro", "I will go to Ogre Island.", 10, 70)
                        .line("Old Woman", "Then take these dumplings with you.", 75, 140).build(),
                shot(2).frames(150).framing(Framing.CLOSE_UP).camera(CameraMove.PUSH_IN).at("Cottage", "night")
                        .with("Momotaro", "determined", "center").line("Momotaro", "Tomorrow, at dawn.", 20, 100).build());
        AnimaticRenderer r = new AnimaticRenderer(Boards.momotaro(), sb);
        BufferedImage img = new BufferedImage(1080, 1920, BufferedImage.TYPE_3BYTE_BGR);
        for (int s = 1; s <= 2; s++) {
            FrameSource frames = r.shot(s);
            long t0 = System.nanoTime();
            frames.render(0, img);
            long prepared = System.nanoTime();
            // the last frame frees the shot's layers, so the timed passes stop one short of it
            int n = frames.frameCount() - 1;
            for (int i = 0; i < n; i++) {
                frames.render(i, img);
            }
            long warm = System.nanoTime();
            for (int i = 0; i < n; i++) {
                frames.render(i, img);
            }
            long done = System.nanoTime();
            System.out.printf("animatic shot %d: prepare %.0f ms, first pass %.2f ms/frame, second pass %.2f ms/frame%n",
                    s, (prepared - t0) / 1e6, (warm - prepared) / 1e6 / n, (done - warm) / 1e6 / n);
        }
        assertThat(img.getRGB(540, 960)).isNotZero();
    }
}
