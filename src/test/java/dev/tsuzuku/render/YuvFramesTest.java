package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tsuzuku.model.CameraMove;
import dev.tsuzuku.model.Storyboard;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Frames handed to the encoder as yuv420p by the shot itself (a moving camera's frames cut from
 * the stage converted once, fades applied in yuv420p) against the rendered frames converted by
 * {@link Yuv420}: every frame of every kind of shot of the golden board, in sequence as the encoder
 * asks. Frames without a fade or a caption are the same bytes (also a push-in's, gathered from the
 * stage); faded frames are within a rounding step; captioned frames (blended in yuv420p over a
 * moving camera) keep a PSNR well above 40 dB against the frames drawn in BGR and converted.
 */
class YuvFramesTest {

    @Test
    void every_frame_as_yuv_equals_the_converted_rendered_frame() {
        Storyboard sb = GoldenFramesTest.board();
        AnimaticRenderer r = new AnimaticRenderer(Boards.momotaro(), sb);
        int w = GoldenFramesTest.W, h = GoldenFramesTest.H;
        int fromStage = 0;
        int faded = 0;
        double worst = Double.POSITIVE_INFINITY;
        double worstCaption = Double.POSITIVE_INFINITY;
        int captionedMoving = 0;
        int zoomExact = 0;
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
                boolean captioned = r.captionBounds(shot.index(), i).isPresent();
                if (at >= 0 && captioned) {
                    double db = Psnr.of(yuv, 0, want, 0, yuv.length);
                    Rectangle b = r.captionBounds(shot.index(), i).get();
                    int y0 = Math.max(0, b.y) & ~1, y1 = Math.min(h, (b.y + b.height + 1) & ~1);
                    double rows = Psnr.of(yuv, y0 * w, want, y0 * w, (y1 - y0) * w);
                    worstCaption = Math.min(worstCaption, Math.min(db, rows));
                    captionedMoving += moving(shot) ? 1 : 0;
                } else if (at >= 0) {
                    faded++;
                    double db = Psnr.of(yuv, 0, want, 0, yuv.length);
                    worst = Math.min(worst, db);
                    int maxDiff = 0;
                    for (int k = 0; k < yuv.length; k++) {
                        maxDiff = Math.max(maxDiff, Math.abs((yuv[k] & 0xff) - (want[k] & 0xff)));
                    }
                    assertThat(maxDiff).as("shot %d frame %d: largest difference", shot.index(), i).isLessThanOrEqualTo(2);
                    assertThat(i).as("shot %d frame %d differs but has no fade", shot.index(), i)
                            .isLessThan(fadeFrames(shot));
                }
                if (at < 0 && shot.camera() == CameraMove.PUSH_IN && i >= 14) {
                    zoomExact++;
                }
                // the scratch image of a frame from the stage holds only the rows under captions
                if (!Arrays.equals(Pixels.bgr(scratch), Pixels.bgr(img))) {
                    fromStage++;
                }
            }
        }
        // pan, tilt and the hook's shake: most of their frames come from the stage
        assertThat(fromStage).isGreaterThan(150);
        assertThat(faded).isGreaterThan(20);
        assertThat(worst).isGreaterThan(45);
        // captions are blended in yuv420p over a moving camera: within rounding in luma, the
        // block-mean alpha in chroma at their edges (52 dB at worst here, over the frame and the caption rows)
        assertThat(captionedMoving).isGreaterThan(100);
        assertThat(worstCaption).isGreaterThan(45);
        // a push-in gathered from the stage converted once: the same bytes where no caption is over it
        assertThat(zoomExact).isGreaterThan(10);
    }

    private static boolean moving(dev.tsuzuku.model.Shot shot) {
        return shot.camera() != null && shot.camera() != CameraMove.STATIC;
    }

    /** Frames from the shot's start within which a fade, a flash or the hook's freeze flash may fall. */
    private static int fadeFrames(dev.tsuzuku.model.Shot shot) {
        return shot.kind() == dev.tsuzuku.model.ShotKind.HOOK ? shot.frames() : 14;
    }
}
