package dev.tsuzuku.render;

import dev.tsuzuku.model.Storyboard;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * The frame painter alone: CPU time of {@link YuvFrameSource#renderYuv} per frame for the golden
 * board's shots at the master's 1080×1920 (still camera with captions, push-in, pan under a
 * caption, tilt, the hook's shake, pull-out cold open). Not a test: run its main with the test
 * classpath, e.g. against two builds in one go to compare them on the same frames.
 * Arguments: rounds (default 3).
 */
public final class PainterMeasure {
    private PainterMeasure() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Storyboard small = GoldenFramesTest.board();
        Storyboard sb = new Storyboard(small.episode(), small.fps(), 1080, 1920, small.mood(), small.endCard(), small.shots());
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int w = sb.width(), h = sb.height();
        BufferedImage scratch = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] yuv = new byte[Yuv420.frameBytes(w, h)];
        for (int round = 0; round <= rounds; round++) {
            AnimaticRenderer r = new AnimaticRenderer(Boards.momotaro(), sb);
            // the first frame prepares the shot (backdrop, figures): counted apart
            StringBuilder line = new StringBuilder(round == 0 ? "warm-up " : "round " + round + " ");
            long all = 0;
            int frames = 0;
            for (var shot : sb.shots()) {
                YuvFrameSource src = (YuvFrameSource) r.shot(shot.index());
                src.renderYuv(0, scratch, yuv);
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 1; i < src.frameCount(); i++) {
                    src.renderYuv(i, scratch, yuv);
                }
                long ns = mx.getCurrentThreadCpuTime() - t0;
                all += ns;
                frames += src.frameCount() - 1;
                line.append(String.format(Locale.ROOT, " s%d(%s)=%.2f", shot.index(),
                        shot.camera() == null ? "-" : shot.camera().name().toLowerCase(Locale.ROOT),
                        ns / 1e6 / (src.frameCount() - 1)));
            }
            line.append(String.format(Locale.ROOT, "  all=%.2f ms/frame", all / 1e6 / frames));
            System.out.println(line);
        }
    }
}
