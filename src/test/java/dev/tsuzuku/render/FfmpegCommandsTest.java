package dev.tsuzuku.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FfmpegCommandsTest {
    private static final Path FFMPEG = Path.of("/opt/ff/ffmpeg");

    @Test
    void a_segment_is_encoded_from_yuv420p_on_stdin_as_high_profile_h264_with_a_closed_one_second_gop() {
        List<String> cmd = FfmpegCommands.encodeSegment(FFMPEG, 1080, 1920, 30, new EncodeSettings("faster", 22), Path.of("/w/seg.mp4"));

        assertThat(cmd).containsExactly("/opt/ff/ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", "1080x1920", "-r", "30", "-i", "-",
                "-an",
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-r", "30", "-profile:v", "high",
                "-g", "30", "-keyint_min", "30", "-sc_threshold", "0", "-flags", "+cgop", "-bf", "2",
                "-preset", "faster", "-crf", "22", "-maxrate", "9M", "-bufsize", "18M",
                "-f", "mp4", "/w/seg.mp4");
    }

    @Test
    void the_baseline_encode_reads_a_raw_yuv420p_file_with_the_segment_settings() {
        EncodeSettings settings = new EncodeSettings("veryfast", 21);
        List<String> raw = FfmpegCommands.encodeRaw(FFMPEG, 1080, 1920, 30, settings, Path.of("/w/clip.yuv"), Path.of("/w/x.mp4"));
        List<String> segment = FfmpegCommands.encodeSegment(FFMPEG, 1080, 1920, 30, settings, Path.of("/w/x.mp4"));

        assertThat(raw).containsSubsequence("-f", "rawvideo", "-pix_fmt", "yuv420p", "-i", "/w/clip.yuv");
        assertThat(raw.subList(raw.indexOf("-an"), raw.size())).isEqualTo(segment.subList(segment.indexOf("-an"), segment.size()));
        assertThat(raw).doesNotContain("-threads");
    }

    @Test
    void the_master_encodes_each_segment_on_one_x264_thread_because_two_segments_run_at_once() {
        List<String> cmd = FfmpegCommands.encodeSegment(FFMPEG, 1080, 1920, 30, EncodeSettings.DEFAULT, Path.of("/w/seg.mp4"));

        assertThat(cmd).containsSubsequence("-preset", "veryfast", "-crf", "21", "-threads", "1", "-f", "mp4", "/w/seg.mp4");
        assertThat(EncodeSettings.DEFAULT.withAutomaticThreads()).isEqualTo(new EncodeSettings("veryfast", 21));
        assertThatThrownBy(() -> new EncodeSettings("fast", 20, -1)).hasMessageContaining("threads");
    }

    @Test
    void a_segment_with_its_rungs_feeds_the_master_the_frames_unchanged_and_each_rung_its_scaled_copy() {
        List<String> plain = FfmpegCommands.encodeSegment(FFMPEG, 1080, 1920, 30, EncodeSettings.DEFAULT, Path.of("/w/seg.mp4"));
        List<String> cmd = FfmpegCommands.encodeSegment(FFMPEG, 1080, 1920, 30, EncodeSettings.DEFAULT, Path.of("/w/seg.mp4"),
                List.of(Path.of("/w/720.m4v"), Path.of("/w/480.m4v")));

        int at = cmd.indexOf("-filter_complex");
        assertThat(cmd.subList(0, at)).isEqualTo(plain.subList(0, plain.indexOf("-an")));
        assertThat(cmd.get(at + 1)).startsWith("[0:v]split=2[m][s0];[s0]scale=720:1280:")
                .contains("split=2[r0][c1];[c1]scale=480:854:").endsWith("[r1]");
        assertThat(cmd.subList(at + 2, at + 4)).containsExactly("-map", "[m]");
        // the master's options and file exactly as the plain segment's, then the rungs
        assertThat(cmd.subList(at + 4, at + 4 + plain.size() - plain.indexOf("-an"))).isEqualTo(plain.subList(plain.indexOf("-an"), plain.size()));
        assertThat(cmd).containsSubsequence("-map", "[r0]", "-g", "30", "-preset", "ultrafast", "-qp", "27", "/w/720.m4v",
                "-map", "[r1]", "-qp", "29", "/w/480.m4v");
        assertThat(FfmpegCommands.encodeSegment(FFMPEG, 1080, 1920, 30, EncodeSettings.DEFAULT, Path.of("/w/seg.mp4"), List.of()))
                .isEqualTo(plain);
        assertThatThrownBy(() -> FfmpegCommands.encodeSegment(FFMPEG, 1080, 1920, 30, EncodeSettings.DEFAULT, Path.of("/w/seg.mp4"),
                List.of(Path.of("/w/720.m4v")))).hasMessageContaining("one file per encoded rung");
    }

    @Test
    void the_ladder_is_packaged_with_every_stream_copied_and_the_masters_audio_in_every_rung() {
        List<String> cmd = HlsLadder.packageCommand(FFMPEG, Path.of("/w/ep.mp4"), List.of(Path.of("/w/a.txt"), Path.of("/w/b.txt")),
                Path.of("/w/hls"));

        assertThat(cmd).containsSubsequence("-i", "/w/ep.mp4", "-f", "concat", "-safe", "0", "-i", "/w/a.txt",
                "-f", "concat", "-safe", "0", "-i", "/w/b.txt",
                "-map", "0:v:0", "-map", "0:a:0", "-map", "1:v:0", "-map", "0:a:0", "-map", "2:v:0", "-map", "0:a:0",
                "-c", "copy", "-f", "hls", "-hls_time", "2", "-hls_segment_type", "fmp4",
                "-var_stream_map", "v:0,a:0,name:1080 v:1,a:1,name:720 v:2,a:2,name:480");
        assertThat(cmd).doesNotContain("libx264");
        assertThat(HlsLadder.rungsOf(FFMPEG, Path.of("/w/seg.mp4"), List.of(Path.of("/w/1.m4v"), Path.of("/w/2.m4v"))))
                .containsSubsequence("-i", "/w/seg.mp4", "-map", "[r0]", "-force_key_frames", "source", "/w/1.m4v",
                        "-map", "[r1]", "-force_key_frames", "source", "/w/2.m4v")
                .noneMatch(a -> a.contains("[m]"));
    }

    @Test
    void the_cut_copies_the_video_fits_the_audio_to_the_frame_count_and_puts_the_index_first() {
        List<String> cmd = FfmpegCommands.cut(FFMPEG, Path.of("/w/list.txt"), Path.of("/w/mix.wav"), 4500, 30, Path.of("/w/ep.mp4"));

        // 4500 frames at 30 fps = 150 s = 7,200,000 samples; the first 1024 make room for AAC priming
        assertThat(cmd).containsExactly("/opt/ff/ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "concat", "-safe", "0", "-i", "/w/list.txt",
                "-i", "/w/mix.wav",
                "-map", "0:v:0", "-map", "1:a:0",
                "-c:v", "copy",
                "-af", "apad=whole_len=7200000,atrim=start_sample=1024:end_sample=7200000,asetpts=PTS-STARTPTS",
                "-c:a", "aac", "-aac_coder", "fast", "-b:a", "160k", "-ar", "48000", "-ac", "2",
                "-use_editlist", "0", "-movflags", "+faststart+negative_cts_offsets",
                "-f", "mp4", "/w/ep.mp4");
    }

    @Test
    void audio_parts_are_encoded_with_the_cut_s_settings_into_adts_and_joined_without_re_encoding() {
        assertThat(FfmpegCommands.encodeAudio(FFMPEG, Path.of("/w/part.wav"), Path.of("/w/part.aac"))).containsExactly(
                "/opt/ff/ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y", "-i", "/w/part.wav",
                "-c:a", "aac", "-aac_coder", "fast", "-b:a", "160k", "-ar", "48000", "-ac", "2", "-f", "adts", "/w/part.aac");

        // 4500 frames = 7,200,000 samples = 7031 whole packets and 256 samples of the last one
        List<String> cmd = FfmpegCommands.muxAac(FFMPEG, Path.of("/w/list.txt"), Path.of("/w/a.aac"), 7032, 4500, 30,
                Path.of("/w/ep.mp4"));
        assertThat(cmd).containsExactly("/opt/ff/ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "concat", "-safe", "0", "-i", "/w/list.txt",
                "-f", "aac", "-i", "/w/a.aac",
                "-map", "0:v:0", "-map", "1:a:0",
                "-c:v", "copy", "-c:a", "copy",
                "-bsf:a", "setts=duration=if(eq(N\\,7031)\\,round(256/(48000*TB))\\,DURATION)",
                "-use_editlist", "0", "-movflags", "+faststart+negative_cts_offsets",
                "-f", "mp4", "/w/ep.mp4");
        // a last packet that is whole keeps its duration
        assertThat(FfmpegCommands.muxAac(FFMPEG, Path.of("/w/l"), Path.of("/w/a.aac"), 7500, 4800, 30, Path.of("/w/e.mp4")))
                .doesNotContain("-bsf:a");
    }

    @Test
    void the_concat_list_names_each_segment_once_in_order_and_escapes_quotes() {
        String list = FfmpegCommands.concatList(List.of(Path.of("/c/a.mp4"), Path.of("/c/it's.mp4")));

        assertThat(list).isEqualTo("ffconcat version 1.0\nfile '/c/a.mp4'\nfile '/c/it'\\''s.mp4'\n");
    }

    @Test
    void probe_and_decode_check_commands() {
        assertThat(FfmpegCommands.probe(Path.of("/opt/ff/ffprobe"), Path.of("/w/ep.mp4")))
                .containsExactly("/opt/ff/ffprobe", "-v", "error", "-of", "json", "-show_streams", "-show_format", "/w/ep.mp4");
        assertThat(FfmpegCommands.decodeCheck(FFMPEG, Path.of("/w/ep.mp4")))
                .containsExactly("/opt/ff/ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-i", "/w/ep.mp4", "-f", "null", "-");
    }

    @Test
    void encode_settings_name_the_wrong_field() {
        assertThatThrownBy(() -> new EncodeSettings("warp", 21)).hasMessageContaining("preset").hasMessageContaining("'warp'");
        assertThatThrownBy(() -> new EncodeSettings("fast", 60)).hasMessage("crf: expected 0–51, got 60");
    }
}
