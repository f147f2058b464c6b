package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class YuvSpriteTest {
    private static final int W = 64;
    private static final int H = 48;

    @Test
    void a_still_blend_remembered_across_frames_gives_the_plain_blends_bytes() {
        Sprite caption = sprite(new Random(7));
        YuvSprite still = new YuvSprite(caption, W, H);
        YuvSprite plain = new YuvSprite(caption, W, H);
        Random frames = new Random(11);
        byte[] under = frame(frames);
        for (int i = 0; i < 8; i++) {
            if (i == 3) {
                under[W * 20 + 10] ^= 0x55; // one luma row under the sprite changes
            } else if (i == 5) {
                under[W * H + (W / 2) * 11 + 9] ^= 0x33; // one chroma row changes
            } else if (i == 7) {
                under = frame(frames); // the camera cut to another picture
            }
            byte[] a = under.clone();
            byte[] b = under.clone();
            still.blend(a, W, H, true);
            plain.blend(b, W, H, false);
            assertThat(a).as("frame %d", i).isEqualTo(b);
        }
    }

    @Test
    void a_moving_blend_after_a_still_one_does_not_reuse_the_remembered_rows() {
        Sprite caption = sprite(new Random(3));
        YuvSprite s = new YuvSprite(caption, W, H);
        Random frames = new Random(5);
        byte[] first = frame(frames);
        s.blend(first.clone(), W, H, true);
        byte[] second = frame(frames);
        byte[] moving = second.clone();
        s.blend(moving, W, H, false);
        byte[] fresh = second.clone();
        new YuvSprite(caption, W, H).blend(fresh, W, H);
        assertThat(moving).isEqualTo(fresh);
    }

    private static Sprite sprite(Random rnd) {
        int w = 41, h = 17;
        int[] argb = new int[w * h];
        for (int i = 0; i < argb.length; i++) {
            int a = i % 5 == 0 ? 0 : rnd.nextInt(256);
            argb[i] = a << 24 | (rnd.nextInt(256) * a / 255) << 16 | (rnd.nextInt(256) * a / 255) << 8 | rnd.nextInt(256) * a / 255;
        }
        return new Sprite(argb, w, h, 9, 13);
    }

    private static byte[] frame(Random rnd) {
        byte[] f = new byte[Yuv420.frameBytes(W, H)];
        rnd.nextBytes(f);
        return f;
    }
}
