package dev.tsuzuku.render;

import static dev.tsuzuku.render.Boards.momotaro;
import static dev.tsuzuku.render.Boards.shot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Framing;
import dev.tsuzuku.model.Storyboard;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A shot's frames drawn one after another (as the encoder does, reusing what did not change since
 * the previous frame) are byte for byte the frames drawn each on their own.
 */
class FrameSequenceTest {

    @Test
    void frames_in_sequence_equal_frames_drawn_alone() {
        Storyboard sb = new Storyboard(1, 30, 360, 640, "adventure", "end", List.of(
                // one face: overlapping faces may differ in the overlap by design (docs/decisions/0011)
                shot(1).frames(36).framing(Framing.MEDIUM).at("Riverbank", "day").with("Momotaro", "happy", "center")
                        .line("Momotaro", "I will go to Ogre Island.", 2, 20)
                        .line("Old Woman", "Then take these dumplings.", 20, 36).build(),
                shot(2).frames(24).framing(Framing.CLOSE_UP).camera(CameraMove.PUSH_IN).at("Cottage", "night")
                        .with("Momotaro", "determined", "center").line("Momotaro", "Tomorrow, at dawn.", 0, 24).build()));
        AnimaticRenderer r = new AnimaticRenderer(momotaro(), sb);
        for (int s = 1; s <= 2; s++) {
            FrameSource sequence = r.shot(s);
            for (int i = 0; i < sequence.frameCount(); i++) {
                BufferedImage inSequence = new BufferedImage(360, 640, BufferedImage.TYPE_3BYTE_BGR);
                BufferedImage alone = new BufferedImage(360, 640, BufferedImage.TYPE_3BYTE_BGR);
                sequence.render(i, inSequence);
                r.shot(s).render(i, alone);
                byte[] a = Pixels.bgr(inSequence), b = Pixels.bgr(alone);
                int first = java.util.Arrays.mismatch(a, b);
                int last = -1, n = 0;
                for (int k = 0; k < a.length; k++) {
                    if (a[k] != b[k]) {
                        last = k;
                        n++;
                    }
                }
                assertThat(first).as("shot %d frame %d: bytes %d..%d differ (%d), first at x=%d y=%d", s, i, first, last, n,
                        first / 3 % 360, first / 3 / 360).isEqualTo(-1);
            }
        }
    }

    @Test
    void a_caption_over_a_still_picture_is_blended_once_and_copied_after() {
        Sprite caption = Sprite.paint(new java.awt.Rectangle(2, 1, 6, 3), g -> {
            g.setColor(new java.awt.Color(255, 255, 255, 128));
            g.fillRect(2, 1, 6, 3);
        });
        byte[] picture = new byte[10 * 5 * 3];
        java.util.Arrays.fill(picture, (byte) 40);
        Pixels.BlendMemo memo = new Pixels.BlendMemo();
        byte[] expected = picture.clone();
        Pixels.blend(caption, expected, 10, 5, 256);
        for (int frame = 0; frame < 3; frame++) {
            byte[] dst = picture.clone();
            memo.blend(caption, dst, 10, 5, 256);
            assertThat(dst).isEqualTo(expected);
        }
        assertThat(memo.blendedShare()).isEqualTo(3 / 9.0);
        // one row under the caption changes: that row alone is blended again
        byte[] changed = picture.clone();
        changed[(2 * 10 + 4) * 3] = 99;
        byte[] want = changed.clone();
        Pixels.blend(caption, want, 10, 5, 256);
        memo.blend(caption, changed, 10, 5, 256);
        assertThat(changed).isEqualTo(want);
        assertThat(memo.blendedShare()).isEqualTo(4 / 12.0);
    }
}
