package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ladder made per shot segment with the bundled ffmpeg (small frames, 5 s): the rungs come
 * from the segment's own encode without changing it, have their keyframes where the master has
 * them, and package into playlists that cut every rung at the same instants.
 */
class HlsLadderTest {
    static final int W = 360, H = 640, FPS = 30;
    static final int[] SHOTS = {45, 40, 65}; // shots are not whole GOPs: keyframes restart at every shot
    static FfmpegBinaries ff;
    static Encoder encoder;
    static Path master;
    static List<Path> segments = new ArrayList<>();
    static List<List<Path>> rungs = List.of(new ArrayList<>(), new ArrayList<>());

    @TempDir
    static Path dir;

    @BeforeAll
    static void three_shots_with_their_rungs_and_a_master() throws Exception {
        ff = FfmpegBinaries.locate();
        encoder = new Encoder(ff, EncodeSettings.DEFAULT);
        int total = 0;
        for (int i = 0; i < SHOTS.length; i++) {
            Path seg = dir.resolve("shot" + i + ".mp4");
            List<Path> outs = List.of(dir.resolve("shot" + i + "-720.m4v"), dir.resolve("shot" + i + "-480.m4v"));
            encoder.encode(new MovingSquare(W, H, SHOTS[i], i * 0.3f), FPS, seg, outs, n -> { });
            segments.add(seg);
            rungs.get(0).add(outs.get(0));
            rungs.get(1).add(outs.get(1));
            total += SHOTS[i];
        }
        master = dir.resolve("episode.mp4");
        encoder.mux(segments, SineWav.write(dir.resolve("mix.wav"), (long) total * 1600, 440), total, FPS, master);
    }

    @Test
    void a_segment_encoded_with_its_rungs_is_byte_for_byte_the_segment_encoded_alone() throws Exception {
        Path alone = dir.resolve("alone.mp4");
        encoder.encode(new MovingSquare(W, H, SHOTS[1], 0.3f), FPS, alone, n -> { });

        assertThat(Files.readAllBytes(segments.get(1))).isEqualTo(Files.readAllBytes(alone));
    }

    @Test
    void the_rungs_have_their_size_and_a_keyframe_exactly_where_the_master_has_one() throws Exception {
        List<String> masterKeys = keyframes(master);
        assertThat(masterKeys).as("a keyframe every second from each shot's start")
                .containsExactly("0.000000", "1.000000", "1.500000", "2.500000", "2.833333", "3.833333", "4.833333");
        for (int r = 0; r < 2; r++) {
            Path joined = dir.resolve("joined-" + r + ".mp4");
            encoder.mux(rungs.get(r), SineWav.write(dir.resolve("mix-" + r + ".wav"), 150 * 1600, 440), 150, FPS, joined);
            assertThat(keyframes(joined)).as("rung " + HlsLadder.encoded().get(r).name()).isEqualTo(masterKeys);
            assertThat(new Probe(ff).probe(joined).video().orElseThrow().width()).isEqualTo(HlsLadder.encoded().get(r).width());
        }
    }

    @Test
    void rungs_made_from_a_finished_file_keep_its_keyframes_and_no_others() {
        List<Path> outs = List.of(dir.resolve("m-720.m4v"), dir.resolve("m-480.m4v"));
        encoder.rungs(master, outs);

        assertThat(keyframes(outs.get(0))).isEqualTo(keyframes(master));
        assertThat(keyframes(outs.get(1))).isEqualTo(keyframes(master));
    }

    @Test
    void a_rung_made_from_a_file_at_crf_has_the_parameter_sets_of_a_drawn_shots_rung_at_constant_qp() {
        // a provider's take gets CRF rungs, a drawn shot constant-QP ones; both go into one rung's track
        List<Path> outs = List.of(dir.resolve("take-720.m4v"), dir.resolve("take-480.m4v"));
        encoder.rungs(segments.get(0), outs);

        for (int r = 0; r < 2; r++) {
            assertThat(extradata(outs.get(r))).as("rung " + r).isNotEmpty().isEqualTo(extradata(rungs.get(r).get(0)));
        }
        assertThat(HlsLadder.rungOutput(0, FPS, dir.resolve("x"))).containsSubsequence("-qp", "27").doesNotContain("-crf", "-maxrate");
        assertThat(HlsLadder.rungOutput(0, 0, dir.resolve("x"))).containsSubsequence("-crf", "30", "-maxrate", "2500k");
    }

    @Test
    void the_packaged_ladder_cuts_every_rung_at_the_same_instants_and_copies_the_masters_audio() throws Exception {
        Path hls = dir.resolve("hls");
        encoder.hls(master, rungs, hls);

        String top = Files.readString(hls.resolve("master.m3u8"));
        assertThat(top).contains("1080/index.m3u8", "720/index.m3u8", "480/index.m3u8", "RESOLUTION=720x1280", "mp4a.40.2");
        List<String> lengths = null;
        for (HlsLadder.Rung r : HlsLadder.RUNGS) {
            String playlist = Files.readString(hls.resolve(r.name()).resolve("index.m3u8"));
            List<String> these = playlist.lines().filter(l -> l.startsWith("#EXTINF:")).toList();
            assertThat(playlist).contains("#EXT-X-MAP:URI=", "#EXT-X-ENDLIST");
            assertThat(these).as(r.name()).hasSize(3);
            if (lengths != null) {
                assertThat(these).as(r.name()).isEqualTo(lengths);
            }
            lengths = these;
        }
        try (var left = Files.list(hls)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("only the ladder is left")
                    .containsExactlyInAnyOrder("master.m3u8", "1080", "720", "480");
        }
    }

    /** The stream's SPS and PPS (the avcC box) as ffprobe prints them. */
    private static String extradata(Path file) {
        String out = new FfmpegProcess(ff).run(List.of(ff.ffprobe().toString(), "-v", "error", "-select_streams", "v:0",
                "-show_streams", "-show_data", file.toString())).stdout();
        int at = out.indexOf("extradata=");
        return at < 0 ? "" : out.substring(at, out.indexOf("extradata_size", at));
    }

    private static List<String> keyframes(Path file) {
        String out = new FfmpegProcess(ff).run(List.of(ff.ffprobe().toString(), "-v", "error", "-select_streams", "v:0",
                "-show_entries", "packet=pts_time,flags", "-of", "csv=p=0", file.toString())).stdout();
        return out.lines().filter(l -> l.contains("K")).map(l -> l.substring(0, l.indexOf(','))).sorted().toList();
    }

    @Test
    void a_rung_whose_busiest_segment_is_over_its_cap_plus_the_audio_is_named() {
        String playlist = """
                #EXTM3U
                #EXT-X-VERSION:7
                #EXT-X-STREAM-INF:BANDWIDTH=9266408,AVERAGE-BANDWIDTH=1071405,RESOLUTION=1080x1920,CODECS="avc1.640028,mp4a.40.2"
                1080/index.m3u8

                #EXT-X-STREAM-INF:BANDWIDTH=2700000,AVERAGE-BANDWIDTH=902765,RESOLUTION=720x1280,CODECS="avc1.4d401f,mp4a.40.2"
                720/index.m3u8

                #EXT-X-STREAM-INF:BANDWIDTH=1160000,AVERAGE-BANDWIDTH=514196,RESOLUTION=480x854,CODECS="avc1.4d401f,mp4a.40.2"
                480/index.m3u8
                """;

        assertThat(HlsLadder.overCap(playlist)).containsExactly(
                "720: 2700 kbit/s at its busiest segment, over its cap of 2500 + 160 audio");
        assertThat(HlsLadder.overCap(playlist.replace("2700000", "2660000"))).isEmpty();
    }

    @Test
    void a_ladder_that_cannot_be_written_is_bad_input_naming_why_and_the_fix() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");

        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> encoder.hls(master, rungs, file.resolve("hls")));

        assertThat(e).isInstanceOf(dev.tsuzuku.model.BadInputException.class).hasMessageContaining("not a directory")
                .hasMessageContaining("a file stands where a folder is needed");
    }
}
