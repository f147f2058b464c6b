package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.TsuzukuException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link MediaTool} promises; each implementation's test extends this. Two small
 * segments and one cut are made once per implementation (the real one encodes 0.9 s of 216×384).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MediaToolContract {
    static final int W = 216;
    static final int H = 384;
    static final int FPS = 30;

    /** Shared by the tests of one implementation (made in {@link #two_segments_and_a_cut}). */
    Path dir;

    MediaTool tool;
    List<Path> segments;
    Path mix;
    Path master;
    int framesHeard;

    abstract MediaTool tool();

    @BeforeAll
    void two_segments_and_a_cut(@TempDir Path shared) throws Exception {
        dir = shared;
        tool = tool();
        AtomicInteger heard = new AtomicInteger();
        Path a = dir.resolve("a.mp4");
        Path b = dir.resolve("b.mp4");
        tool.encode(new MovingSquare(W, H, 15, 0.1f), FPS, a, heard::addAndGet);
        tool.encode(new MovingSquare(W, H, 12, 0.6f), FPS, b, heard::addAndGet);
        framesHeard = heard.get();
        segments = List.of(a, b);
        // the mix comes in 0.1 s short: the cut pads it to the video's length
        mix = SineWav.write(dir.resolve("mix.wav"), 27 * 1600 - 4800, 440);
        master = dir.resolve("out").resolve("episode.mp4");
        tool.cut(segments, mix, new MasterSpec(W, H, FPS, 27), master);
    }

    @Test
    void encode_hears_every_frame_and_the_probe_reads_the_segment_back() {
        Probe.Media m = tool.probe(segments.get(0));

        assertThat(framesHeard).isEqualTo(27);
        Probe.Video v = m.video().orElseThrow();
        assertThat(v.codec()).isEqualTo("h264");
        assertThat(v.width() + "x" + v.height()).isEqualTo(W + "x" + H);
        assertThat(v.frames()).isEqualTo(15);
        assertThat(m.audio()).isEmpty();
    }

    @Test
    void the_cut_joins_the_segments_fits_the_audio_to_the_video_and_is_on_spec() throws Exception {
        Probe.Media m = tool.probe(master);

        assertThat(m.video().orElseThrow().frames()).isEqualTo(27);
        assertThat(m.audio().orElseThrow().seconds()).isCloseTo(0.9, Offset.offset(1.0 / FPS));
        assertThat(Probe.offSpec(m, new MasterSpec(W, H, FPS, 27))).isEmpty();
        assertThat(tool.decodeErrors(master)).isEmpty();
        assertThat(leftovers(master.getParent())).isEmpty();
    }

    @Test
    void a_cut_that_comes_out_off_spec_leaves_the_old_master_and_sweeps_what_dead_runs_left() throws Exception {
        byte[] before = Files.readAllBytes(master);
        Path dead = Files.writeString(master.resolveSibling(".episode.mp4.run999999999-1764630000000.ab12.tmp.mp4"), "half");

        // the storyboard asks for 40 frames, the segments hold 27: the new master must not replace the old one
        assertThatThrownBy(() -> tool.cut(segments, mix, new MasterSpec(W, H, FPS, 40), master))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("is off spec, so the old file stays")
                .hasMessageContaining("video frames: expected 40, got 27");

        assertThat(Files.readAllBytes(master)).isEqualTo(before);
        assertThat(dead).doesNotExist();
        assertThat(leftovers(master.getParent())).isEmpty();
    }

    @Test
    void a_file_that_is_not_media_cannot_be_probed() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.mp4"), "this is not a video");

        assertThatThrownBy(() -> tool.probe(notes)).isInstanceOf(TsuzukuException.class).hasMessageContaining("notes.mp4");
    }

    /** Hidden files beside the master: temporary files of a cut. */
    static List<Path> leftovers(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(".")).toList();
        }
    }
}
