package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tsuzuku.model.TsuzukuException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the bundled ffmpeg for real on a 2.5 s episode and checks the master with ffprobe. */
class RealEncodeTest {
    static FfmpegBinaries ff;
    static Path master;
    static int totalFrames;
    static int framesPiped;

    @TempDir
    static Path dir;

    @BeforeAll
    static void encode_three_segments_and_cut_them() throws Exception {
        ff = FfmpegBinaries.locate();
        Encoder encoder = new Encoder(ff, EncodeSettings.DEFAULT);
        AtomicInteger piped = new AtomicInteger();
        List<Path> segments = new ArrayList<>();
        int[] lengths = {30, 24, 21}; // shots need not be whole GOPs
        for (int i = 0; i < lengths.length; i++) {
            Path seg = dir.resolve("shot" + i + ".mp4");
            encoder.encode(new MovingSquare(1080, 1920, lengths[i], i * 0.3f), 30, seg, piped::addAndGet);
            segments.add(seg);
            totalFrames += lengths[i];
        }
        framesPiped = piped.get();
        // the mix comes in 0.2 s short: the cut must pad it to the video's length
        Path wav = SineWav.write(dir.resolve("mix.wav"), (long) totalFrames * 1600 - 9600, 440);
        master = dir.resolve("episode.mp4");
        encoder.mux(segments, wav, totalFrames, 30, master);
    }

    @Test
    void every_frame_is_piped_to_ffmpeg_once() {
        assertThat(framesPiped).isEqualTo(75);
    }

    @Test
    void the_master_is_h264_high_yuv420p_1080x1920_at_a_constant_30_fps_with_aac_48k_stereo() {
        Probe.Media m = new Probe(ff).probe(master);

        Probe.Video v = m.video().orElseThrow();
        assertThat(v.codec()).isEqualTo("h264");
        assertThat(v.profile()).isEqualTo("High");
        assertThat(v.pixFmt()).isEqualTo("yuv420p");
        assertThat(v.width()).isEqualTo(1080);
        assertThat(v.height()).isEqualTo(1920);
        assertThat(v.rFrameRate()).isEqualTo("30/1");
        assertThat(v.avgFrameRate()).isEqualTo("30/1");
        assertThat(v.frames()).isEqualTo(75);
        Probe.Audio a = m.audio().orElseThrow();
        assertThat(a.codec()).isEqualTo("aac");
        assertThat(a.profile()).isEqualTo("LC");
        assertThat(a.sampleRate()).isEqualTo(48_000);
        assertThat(a.channels()).isEqualTo(2);
        assertThat(Probe.deviations(m, 1080, 1920, 30, totalFrames)).isEmpty();
    }

    @Test
    void the_audio_lasts_as_long_as_the_video() {
        Probe.Media m = new Probe(ff).probe(master);

        assertThat(m.video().orElseThrow().seconds()).isEqualTo(2.5);
        assertThat(m.audio().orElseThrow().seconds()).isCloseTo(2.5, org.assertj.core.data.Offset.offset(1 / 30.0));
    }

    @Test
    void the_moov_box_comes_before_the_media_data() {
        List<String> boxes = Probe.topLevelBoxes(master);

        assertThat(boxes).contains("ftyp", "moov", "mdat");
        assertThat(boxes.indexOf("moov")).isLessThan(boxes.indexOf("mdat"));
    }

    @Test
    void the_master_decodes_without_errors() {
        assertThat(new Probe(ff).decodeErrors(master)).isEmpty();
    }

    @Test
    void a_failing_command_shows_the_command_and_what_ffmpeg_said() throws Exception {
        Path notVideo = Files.writeString(dir.resolve("notes.mp4"), "this is not a video");

        assertThatThrownBy(() -> new Probe(ff).probe(notVideo))
                .isInstanceOf(TsuzukuException.class)
                .hasMessageContaining("command: " + ff.ffprobe())
                .hasMessageContaining("notes.mp4")
                .hasMessageContaining("Invalid data");
    }
}
