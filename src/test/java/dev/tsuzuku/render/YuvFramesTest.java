package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.Storyboard;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Frames handed to the encoder as yuv420p by the shot itself (a moving camera's frames cut from
 * the stage converted once) are byte for byte the rendered frames converted by {@link Yuv420}:
 * every frame of every kind of shot of the golden board, in sequence as the encoder asks.
 */
class YuvFramesTest {

    @Test
    void every_frame_as_yuv_equals_the_converted_rendered_frame() {
        Storyboard sb = GoldenFramesTest.board();
        AnimaticRenderer r = new AnimaticRenderer(Boards.momotaro(), sb);
        int w = GoldenFramesTest.W, h = GoldenFramesTest.H;
        int fromStage = 0;
        for (var shot : sb.shots()) {
            YuvFrameSource asYuv = (YuvFrameSource) r.shot(shot.index());
            FrameSource rendered = r.shot(shot.index());
            Yuv420 converter = new Yuv420(w, h);
            BufferedImage scratch = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
            byte[] yuv = new byte[Yuv420.frameBytes(w, h)];
            for (int i = 0; i < asYuv.frameCount(); i++) {
                Arrays.fill(yuv, (byte) 7);
                asYuv.renderYuv(i, scratch, yuv);
                rendered.render(i, img);
                byte[] want = converter.convert(Pixels.bgr(img));
                int at = Arrays.mismatch(yuv, want);
                assertThat(at).as("shot %d frame %d: first difference at byte %d (%s)", shot.index(), i, at,
                        at < w * h ? "luma x=" + at % w + " y=" + at / w : "chroma").isEqualTo(-1);
                // the scratch image of a frame from the stage holds only the rows under captions
                if (!Arrays.equals(Pixels.bgr(scratch), Pixels.bgr(img))) {
                    fromStage++;
                }
            }
        }
        // pan, tilt and the hook's shake: most of their frames come from the stage
        assertThat(fromStage).isGreaterThan(150);
    }
}
