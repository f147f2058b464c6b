package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.TsuzukuException;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process encoder against the ffmpeg process it replaces: the same H.264 streams (master
 * and both rungs, compared as bytes), the same sizes for the rungs, and failures that end the
 * encode with a message instead of a hang.
 */
class LibavEncoderTest {
    @TempDir
    Path dir;

    private final FfmpegBinaries ff = FfmpegBinaries.locate();

    @Test
    void a_drawn_segment_and_its_rungs_are_the_same_streams_as_the_ffmpeg_process_makes() {
        assertSameStreams(() -> new MovingSquare(1080, 1920, 40, 0.3f), "square");
    }

    @Test
    void an_animatic_shot_handed_over_as_yuv420p_gives_the_same_streams_too() {
        // a shot's frames are drawn in order, each once: each encode gets its own renderer
        java.util.function.Supplier<FrameSource> shot = () -> new AnimaticRenderer(Boards.momotaro(), GoldenFramesTest.board()).shot(1);
        assertThat(shot.get()).isInstanceOf(YuvFrameSource.class);
        assertSameStreams(shot, "shot");
    }

    private void assertSameStreams(java.util.function.Supplier<FrameSource> sources, String name) {
        FrameSource source = sources.get();
        List<Path> libRungs = List.of(dir.resolve(name + "-lib-720.mp4"), dir.resolve(name + "-lib-480.mp4"));
        List<Path> cliRungs = List.of(dir.resolve(name + "-cli-720.mp4"), dir.resolve(name + "-cli-480.mp4"));
        AtomicInteger frames = new AtomicInteger();
        new LibavEncoder(EncodeSettings.DEFAULT).encode(source, 30, dir.resolve(name + "-lib.mp4"), libRungs, frames::addAndGet);
        new Encoder(ff, EncodeSettings.DEFAULT).encode(sources.get(), 30, dir.resolve(name + "-cli.mp4"), cliRungs, n -> { });

        assertThat(frames.get()).isEqualTo(source.frameCount());
        assertSamePictures(dir.resolve(name + "-lib.mp4"), dir.resolve(name + "-cli.mp4"));
        for (int i = 0; i < libRungs.size(); i++) {
            assertSamePictures(libRungs.get(i), cliRungs.get(i));
        }
        Probe probe = new Probe(ff);
        Probe.Video rung = probe.probe(libRungs.get(1)).video().orElseThrow();
        assertThat(rung.frames()).isEqualTo(source.frameCount());
        Probe.Video master = probe.probe(dir.resolve(name + "-lib.mp4")).video().orElseThrow();
        assertThat(master.rFrameRate()).isEqualTo("30/1");
        assertThat(master.frames()).isEqualTo(source.frameCount());
    }

    /**
     * The same x264 settings (the options string x264 writes into its stream) and the same pictures.
     * Not the same bytes: x264 reads some bytes of its own buffers it never wrote, which are zero
     * in a fresh process and whatever the heap held before in this one, so its rate decisions can
     * differ in the last bits (72 dB and up between two encodes of the same frames here).
     */
    private void assertSamePictures(Path lib, Path cli) {
        assertThat(x264Options(lib)).as("x264's settings in %s", lib.getFileName()).isEqualTo(x264Options(cli));
        String out = new FfmpegProcess(ff).run(List.of(ff.ffmpeg().toString(), "-hide_banner", "-loglevel", "info", "-nostdin",
                "-i", lib.toString(), "-i", cli.toString(), "-lavfi", "psnr", "-f", "null", "-")).stderr();
        var m = java.util.regex.Pattern.compile("PSNR .*average:(\\S+) min:(\\S+)").matcher(out);
        assertThat(m.find()).as("psnr of %s: %s", lib.getFileName(), out).isTrue();
        double min = m.group(2).equals("inf") ? 100 : Double.parseDouble(m.group(2));
        assertThat(min).as("worst frame's PSNR of %s against the ffmpeg process's", lib.getFileName()).isGreaterThanOrEqualTo(60);
    }

    /** The settings x264 wrote into the stream's first SEI ("options: cabac=1 ref=1 …"). */
    private static String x264Options(Path file) {
        try {
            String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
            var m = java.util.regex.Pattern.compile("options: ([^\\u0000]+)").matcher(bytes);
            assertThat(m.find()).as("x264's options in %s", file.getFileName()).isTrue();
            return m.group(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void the_rungs_have_the_sizes_ffmpegs_scale_filter_gives_them() {
        HlsLadder.Rung r720 = HlsLadder.encoded().get(0);
        HlsLadder.Rung r480 = HlsLadder.encoded().get(1);
        assertThat(LibavEncoder.rungSize(r720, 1080, 1920)).containsExactly(720, 1280);
        assertThat(LibavEncoder.rungSize(r480, 720, 1280)).containsExactly(480, 854);
        // values ffmpeg 7.1's scale=480:854:force_original_aspect_ratio=decrease:force_divisible_by=2 printed
        assertThat(LibavEncoder.rungSize(r480, 1000, 1280)).containsExactly(480, 614);
        assertThat(LibavEncoder.rungSize(r720, 1000, 1280)).containsExactly(720, 922);
        assertThat(LibavEncoder.rungSize(r720, 1920, 1080)).containsExactly(720, 406);
        assertThat(LibavEncoder.rungSize(r480, 1920, 1080)).containsExactly(480, 270);
        assertThat(LibavEncoder.rungSize(r720, 333, 777)).containsExactly(548, 1280);
        assertThat(LibavEncoder.rungSize(r480, 333, 777)).containsExactly(366, 854);
    }

    @Test
    void a_frame_that_fails_to_draw_ends_the_encode_with_its_number() {
        FrameSource broken = new Wrapped(new MovingSquare(320, 568, 12, 0.1f)) {
            @Override
            public void render(int index, BufferedImage target) {
                if (index == 7) {
                    throw new IllegalStateException("no such pose");
                }
                super.render(index, target);
            }
        };
        List<Path> rungs = List.of(dir.resolve("b720.mp4"), dir.resolve("b480.mp4"));

        assertThatThrownBy(() -> new LibavEncoder(EncodeSettings.DEFAULT).encode(broken, 30, dir.resolve("b.mp4"), rungs, n -> { }))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("drawing frame 7 failed")
                .hasMessageContaining("no such pose");
        assertNoEncoderThreadLeft();
    }

    @Test
    void a_rung_that_cannot_be_written_fails_the_encode_without_a_hang() {
        Path nowhere = dir.resolve("missing-folder").resolve("r480.mp4");
        List<Path> rungs = List.of(dir.resolve("r720.mp4"), nowhere);

        assertThatThrownBy(() -> new LibavEncoder(EncodeSettings.DEFAULT)
                .encode(MovingSquare.of(20), 30, dir.resolve("r.mp4"), rungs, n -> { }))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("r480.mp4")
                .hasMessageContaining("creating the file");
        assertNoEncoderThreadLeft();
    }

    @Test
    void an_interrupted_encode_stops_and_says_so() throws Exception {
        FrameSource slow = new Wrapped(new MovingSquare(320, 568, 1000, 0.2f)) {
            @Override
            public void render(int index, BufferedImage target) {
                super.render(index, target);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicInteger frames = new AtomicInteger();
        Thread t = new Thread(() -> {
            try {
                new LibavEncoder(EncodeSettings.DEFAULT).encode(slow, 30, dir.resolve("i.mp4"),
                        List.of(dir.resolve("i720.mp4"), dir.resolve("i480.mp4")), frames::addAndGet);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        while (frames.get() < 5) {
            Thread.sleep(5);
        }
        t.interrupt();
        t.join(10_000);

        assertThat(t.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(TsuzukuException.class).hasMessageContaining("interrupted");
        assertThat(frames.get()).isLessThan(1000);
        assertNoEncoderThreadLeft();
    }

    @Test
    void an_option_libx264_does_not_know_is_named() {
        Path out = dir.resolve("o.mp4");
        assertThatThrownBy(() -> new LibavOutput(out, 64, 64, 30, false, Map.of("no-such-option", "1")).close())
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("no-such-option");
    }

    @Test
    void the_environment_can_send_every_encode_to_an_ffmpeg_process() {
        assertThat(FfmpegMediaTool.encodesInProcess(Map.of())).isTrue();
        assertThat(FfmpegMediaTool.encodesInProcess(Map.of("TSUZUKU_ENCODE", "process"))).isFalse();
        assertThat(FfmpegMediaTool.encodesInProcess(Map.of("TSUZUKU_FFMPEG", "/usr/bin/ffmpeg"))).isFalse();
        assertThat(FfmpegMediaTool.local().inProcess()).isEqualTo(FfmpegMediaTool.encodesInProcess(System.getenv()));
    }

    private static void assertNoEncoderThreadLeft() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean any = Thread.getAllStackTraces().keySet().stream()
                    .anyMatch(t -> t.isAlive() && (t.getName().equals("rung-encoder") || t.getName().equals("frame-painter")));
            if (!any) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("an encoder thread is still running");
    }

    /** A source passing everything to another, for tests to change one call. */
    private static class Wrapped implements FrameSource {
        private final FrameSource inner;

        Wrapped(FrameSource inner) {
            this.inner = inner;
        }

        @Override
        public int width() {
            return inner.width();
        }

        @Override
        public int height() {
            return inner.height();
        }

        @Override
        public int frameCount() {
            return inner.frameCount();
        }

        @Override
        public void render(int index, BufferedImage target) {
            inner.render(index, target);
        }
    }
}
