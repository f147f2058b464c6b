package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Yuv420Test {

    private static byte[] solid(int w, int h, int rgb) {
        byte[] bgr = new byte[w * h * 3];
        for (int i = 0; i < bgr.length; i += 3) {
            bgr[i] = (byte) rgb;
            bgr[i + 1] = (byte) (rgb >> 8);
            bgr[i + 2] = (byte) (rgb >> 16);
        }
        return bgr;
    }

    private static int[] yuvOf(int rgb) {
        byte[] out = new Yuv420(2, 2).convert(solid(2, 2, rgb));
        return new int[] {out[0] & 0xff, out[4] & 0xff, out[5] & 0xff};
    }

    @Test
    void colours_map_to_bt601_limited_range() {
        assertThat(yuvOf(0xffffff)).containsExactly(235, 128, 128);
        assertThat(yuvOf(0x000000)).containsExactly(16, 128, 128);
        assertThat(yuvOf(0xff0000)).containsExactly(81, 90, 240);
        assertThat(yuvOf(0x00ff00)).containsExactly(145, 54, 34);
        assertThat(yuvOf(0x0000ff)).containsExactly(41, 240, 110);
        assertThat(Yuv420.frameBytes(1080, 1920)).isEqualTo(1080 * 1920 * 3 / 2);
    }

    @Test
    void chroma_is_the_mean_of_each_two_by_two_block() {
        byte[] bgr = solid(2, 2, 0x000000);
        // one white pixel of four: a quarter of white's chroma offset, which is none: still grey
        bgr[0] = bgr[1] = bgr[2] = (byte) 0xff;
        byte[] out = new Yuv420(2, 2).convert(bgr);
        assertThat(out[0] & 0xff).isEqualTo(235);
        assertThat(out[1] & 0xff).isEqualTo(16);
        assertThat(out[4] & 0xff).isEqualTo(128);
        // two red pixels of four: half of red's chroma offset (Cr 240 → 128 + 56)
        byte[] red = solid(2, 2, 0x000000);
        red[2] = red[5] = (byte) 0xff;
        byte[] half = new Yuv420(2, 2).convert(red);
        assertThat(half[5] & 0xff).isEqualTo(184);
    }

    @Test
    void a_frame_converted_after_another_equals_the_same_frame_converted_alone() {
        int w = 64, h = 48;
        byte[] first = solid(w, h, 0x336699);
        byte[] second = first.clone();
        // change a few pixels in rows 7 and 30: only row pairs 6–7 and 30–31 differ
        second[(7 * w + 5) * 3] = 0;
        second[(30 * w + 60) * 3 + 2] = (byte) 0xee;
        Yuv420 running = new Yuv420(w, h);
        running.convert(first);
        byte[] incremental = running.convert(second).clone();
        byte[] fresh = new Yuv420(w, h).convert(second);
        assertThat(incremental).isEqualTo(fresh);
        // the first frame converts 24 pairs, the second only 2 of its 24
        assertThat(running.convertedShare()).isEqualTo(26 / 48.0);
        // and going back converts those pairs again
        assertThat(running.convert(first)).isEqualTo(new Yuv420(w, h).convert(first));
    }

    @Test
    void only_the_changed_spans_of_a_row_pair_are_converted_again() {
        int w = 4 * Yuv420.SPAN, h = 8;
        byte[] first = new byte[w * h * 3];
        for (int i = 0; i < first.length; i++) {
            first[i] = (byte) (i * 31 + i / 7);
        }
        byte[] second = first.clone();
        // one pixel in the third span of rows 2–3, and the last pixel of row 7
        second[(3 * w + 2 * Yuv420.SPAN + 11) * 3 + 1] ^= 0x55;
        second[(7 * w + w - 1) * 3] ^= 0x33;
        Yuv420 running = new Yuv420(w, h);
        running.convert(first);
        assertThat(running.convert(second)).isEqualTo(new Yuv420(w, h).convert(second));
        assertThat(running.spansConverted()).isEqualTo(2);
    }

    @Test
    void odd_sizes_and_wrong_lengths_are_refused() {
        assertThatThrownBy(() -> new Yuv420(1079, 1920)).hasMessageContaining("even");
        assertThatThrownBy(() -> new Yuv420(4, 4).convert(new byte[10])).hasMessageContaining("expected 48 BGR bytes");
    }

    /** The converter stands in for ffmpeg's: the same rendered frame must come out the same (≥ 40 dB per plane). */
    @Test
    void a_rendered_frame_converts_like_ffmpeg_converts_it(@TempDir Path dir) throws Exception {
        BufferedImage png;
        try (InputStream in = getClass().getResourceAsStream("/golden/animatic-4-30.png")) {
            png = ImageIO.read(in);
        }
        int w = png.getWidth(), h = png.getHeight();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        img.getGraphics().drawImage(png, 0, 0, null);
        byte[] bgr = Pixels.bgr(img);
        byte[] ours = new Yuv420(w, h).convert(bgr);

        FfmpegBinaries ff = FfmpegBinaries.locate();
        Path out = dir.resolve("frame.yuv");
        new FfmpegProcess(ff).run(List.of(ff.ffmpeg().toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", w + "x" + h, "-i", "-",
                "-pix_fmt", "yuv420p", "-f", "rawvideo", out.toString()), stdin -> new ByteArrayInputStream(bgr).transferTo(stdin));
        byte[] theirs = Files.readAllBytes(out);

        assertThat(theirs).hasSize(ours.length);
        int lumaN = w * h;
        System.out.printf("yuv420 vs ffmpeg: Y %.1f dB, Cb %.1f dB, Cr %.1f dB%n", Psnr.of(ours, 0, theirs, 0, lumaN), Psnr.of(ours, lumaN, theirs, lumaN, lumaN / 4), Psnr.of(ours, lumaN * 5 / 4, theirs, lumaN * 5 / 4, lumaN / 4));
        int luma = w * h, chroma = luma / 4;
        assertThat(Psnr.of(ours, 0, theirs, 0, luma)).as("Y").isGreaterThanOrEqualTo(40);
        assertThat(Psnr.of(ours, luma, theirs, luma, chroma)).as("Cb").isGreaterThanOrEqualTo(40);
        assertThat(Psnr.of(ours, luma + chroma, theirs, luma + chroma, chroma)).as("Cr").isGreaterThanOrEqualTo(40);
        assertThat(Arrays.equals(ours, theirs)).as("not a copy of ffmpeg's bytes by accident").isFalse();
    }
}
