package dev.tsuzuku.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The streaming ladder made from a master (RFC 8216, fMP4 segments): 1080×1920 (the master's own
 * video, copied), 720×1280 and 480×854 (re-encoded with a keyframe on every second, so their
 * segments start where the master's 1 s GOPs do). Segments are {@link #SEGMENT_SECONDS} long;
 * audio is the master's AAC, copied into every rung. The player picks a rung by bandwidth and size.
 *
 * <pre>
 * hls/master.m3u8
 * hls/1080/index.m3u8  init_0.mp4  seg_00000.m4s …
 * hls/720/…  hls/480/…
 * </pre>
 */
public final class HlsLadder {
    /** One rung: its folder name, size and the cap of its bitrate (kbit/s; 0 for the copied master). */
    public record Rung(String name, int width, int height, int maxKbps) {
        public boolean copied() {
            return maxKbps == 0;
        }
    }

    public static final List<Rung> RUNGS = List.of(
            new Rung("1080", 1080, 1920, 0),
            new Rung("720", 720, 1280, 2500),
            new Rung("480", 480, 854, 1000));
    /** Two of the master's 1 s GOPs per segment. */
    public static final int SEGMENT_SECONDS = 2;
    /** Bump when the command changes, so ladders are made again. */
    public static final int VERSION = 1;

    private HlsLadder() {}

    /** The ffmpeg command that writes the ladder of {@code master} into {@code dir} (which exists). */
    public static List<String> command(Path ffmpeg, Path master, Path dir) {
        List<String> c = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-i", master.toString()));
        StringBuilder filter = new StringBuilder();
        for (int i = 1; i < RUNGS.size(); i++) {
            Rung r = RUNGS.get(i);
            if (filter.length() > 0) {
                filter.append(';');
            }
            filter.append("[0:v]scale=").append(r.width()).append(':').append(r.height())
                    .append(":force_original_aspect_ratio=decrease:force_divisible_by=2,setsar=1[v").append(i).append(']');
        }
        c.addAll(List.of("-filter_complex", filter.toString()));
        StringBuilder map = new StringBuilder();
        for (int i = 0; i < RUNGS.size(); i++) {
            c.addAll(List.of("-map", i == 0 ? "0:v:0" : "[v" + i + "]", "-map", "0:a:0"));
            map.append(i == 0 ? "" : " ").append("v:").append(i).append(",a:").append(i).append(",name:").append(RUNGS.get(i).name());
        }
        c.addAll(List.of("-c:v:0", "copy"));
        for (int i = 1; i < RUNGS.size(); i++) {
            Rung r = RUNGS.get(i);
            c.addAll(List.of("-c:v:" + i, "libx264", "-profile:v:" + i, "high", "-preset:v:" + i, "veryfast", "-crf:v:" + i, "23",
                    "-maxrate:v:" + i, r.maxKbps() + "k", "-bufsize:v:" + i, (2 * r.maxKbps()) + "k"));
        }
        c.addAll(List.of("-pix_fmt", "yuv420p", "-force_key_frames", "expr:gte(t,n_forced*1)", "-sc_threshold", "0",
                "-c:a", "copy",
                "-f", "hls", "-hls_time", Integer.toString(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
                "-hls_segment_type", "fmp4", "-hls_flags", "independent_segments",
                "-master_pl_name", "master.m3u8",
                "-hls_segment_filename", dir.resolve("%v").resolve("seg_%05d.m4s").toString(),
                "-var_stream_map", map.toString(),
                dir.resolve("%v").resolve("index.m3u8").toString()));
        return c;
    }
}
