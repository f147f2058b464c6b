package dev.tsuzuku.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The streaming ladder of a master (RFC 8216, fMP4 segments): 1080×1920 (the master's own video,
 * copied), 720×1280 and 480×854. The smaller rungs are encoded <em>per shot segment</em>, with the
 * master's closed GOP of one second, so every rung has its keyframes exactly where the master has
 * them and the packager cuts all rungs at the same instants. A shot's rungs are encoded in the
 * same ffmpeg as its master segment ({@link FfmpegCommands#encodeSegment(Path, int, int, int, EncodeSettings, Path, List)}:
 * the frames are scaled, not decoded again) or, for a segment that exists already, from that
 * segment ({@link #rungsOf}); the ladder is then only joined and packaged, every stream copied
 * ({@link #packageCommand}). Audio is the master's AAC, copied into every rung.
 * Segments are {@link #SEGMENT_SECONDS} long. The player picks a rung by bandwidth and size.
 * Settings and their cost: docs/decisions/0030-produce-speed-3.md.
 *
 * <pre>
 * hls/master.m3u8
 * hls/1080/index.m3u8  init_0.mp4  seg_00000.m4s …
 * hls/720/…  hls/480/…
 * </pre>
 */
public final class HlsLadder {
    /**
     * One rung: its folder name, size, the cap of its bitrate (kbit/s; 0 for the copied master) and
     * the constant QP of a drawn shot's encode (see {@link #RUNGS}).
     */
    public record Rung(String name, int width, int height, int maxKbps, int qp) {
        public boolean copied() {
            return maxKbps == 0;
        }
    }

    /**
     * A drawn shot's rungs are encoded at constant QP ({@link Rung#qp}): CRF needs x264's half-size
     * lookahead on every frame to rate it; on the animatic's frames QP 27 costs ~25% less x264 time
     * than CRF 30 for 13–15% fewer bits, the same mean PSNR and a far better worst frame
     * (docs/decisions/0036-produce-speed-4.md). Constant QP has no VBV: x264 does not enforce {@link Rung#maxKbps}
     * then; the hls step measures each packaged rung's busiest segment ({@link #overCap}) and makes
     * a rung over its cap again at CRF with VBV (docs/decisions/0037-produce-speed-5.md); the 480 rung takes QP 29 so that
     * its busiest 2 s segment of the bench's episode stays under its 1000 kbit/s (880; QP 27 made 1067).
     */
    public static final List<Rung> RUNGS = List.of(
            new Rung("1080", 1080, 1920, 0, 0),
            new Rung("720", 720, 1280, 2500, 27),
            new Rung("480", 480, 854, 1000, 29));
    /** Two of the master's 1 s GOPs per segment. */
    public static final int SEGMENT_SECONDS = 2;
    /**
     * Bump when the rungs' bytes change, so rung segments and ladders are made again. 2: rungs
     * encoded per shot segment (ultrafast with CABAC and B-frames, bilinear scaling), packaged by copy.
     * 3: a drawn shot's rungs at constant QP ({@link Rung#qp}); every rung stitchable. 4: area scaling;
     * 5: bilinear again ({@link #SCALING}).
     */
    public static final int VERSION = 5;
    /**
     * swscale's filter for the rungs, here and in {@link LibavEncoder}. Area averaging cost ~25–30%
     * less scaling time but made sharper rungs that took more bits at the same QP: on the demo book
     * two of three episodes went over their caps (one with bilinear) and were made again at ~30 s
     * each (docs/decisions/0039-encoding-in-process.md).
     */
    static final String SCALING = "bilinear";
    /**
     * x264 for the smaller rungs: ultrafast's analysis (the cheapest) with CABAC and two B-frames
     * back on (about a third fewer bits on this content for ~15% more time). Measured against
     * veryfast and superfast in docs/decisions/0030-produce-speed-3.md. {@code stitchable} keeps
     * the picture parameter set the same whatever the rate control, so segments made at constant QP
     * (drawn shots) and at CRF (a provider's take) join into one rung.
     */
    static final String RUNG_PRESET = "ultrafast";
    static final String RUNG_X264_PARAMS = "cabac=1:bframes=2:b-adapt=0:stitchable=1";
    /** A provider's take (real footage, any bitrate) keeps CRF with the rung's VBV cap. */
    static final int RUNG_CRF = 30;

    private HlsLadder() {}

    /** The rungs that are encoded (all but the copied master), in ladder order. */
    public static List<Rung> encoded() {
        return RUNGS.stream().filter(r -> !r.copied()).toList();
    }

    /**
     * The filter that makes the encoded rungs from input {@code 0:v}, with {@code [m]} passing
     * the frames through unchanged for the master when {@code withMaster}; rung {@code i} comes out
     * as {@code [r<i>]}. Each smaller rung is scaled from the one above it ({@link #SCALING}), which costs
     * a third of scaling each from the full picture with the default bicubic.
     */
    static String filter(boolean withMaster) {
        List<Rung> rungs = encoded();
        StringBuilder f = new StringBuilder("[0:v]");
        if (withMaster) {
            f.append("split=2[m][s0];[s0]");
        }
        for (int i = 0; i < rungs.size(); i++) {
            Rung r = rungs.get(i);
            if (i > 0) {
                f.append(";[c").append(i).append(']');
            }
            f.append("scale=").append(r.width()).append(':').append(r.height())
                    .append(":force_original_aspect_ratio=decrease:force_divisible_by=2:flags=").append(SCALING).append(",setsar=1");
            if (i < rungs.size() - 1) {
                f.append(",split=2[r").append(i).append("][c").append(i + 1).append(']');
            } else {
                f.append("[r").append(i).append(']');
            }
        }
        return f.toString();
    }

    /**
     * The output options of rung {@code i} of {@link #encoded()} written to {@code out}, after its
     * {@code -map}. From raw frames ({@code fps} > 0) the rung gets the master's closed GOP of
     * {@code fps} frames; from an encoded file ({@code fps} 0) it gets a keyframe exactly where the
     * file has one ({@code -force_key_frames source}) and nowhere else.
     */
    static List<String> rungOutput(int i, int fps, Path out) {
        List<String> c = new ArrayList<>(List.of("-map", "[r" + i + "]", "-c:v", "libx264", "-pix_fmt", "yuv420p"));
        c.addAll(fps > 0 ? List.of("-r", Integer.toString(fps)) : List.of("-force_key_frames", "source"));
        c.addAll(FfmpegCommands.args(x264(encoded().get(i), fps)));
        c.addAll(List.of("-an", "-f", "mp4", out.toString()));
        return c;
    }

    /**
     * Rung {@code r}'s x264 options by ffmpeg's names, in order: what an ffmpeg process gets
     * ({@link #rungOutput}) and what {@link LibavEncoder} hands libavcodec. From raw frames
     * ({@code fps} > 0): the master's closed GOP of {@code fps} frames at constant QP ({@link Rung#qp});
     * from an encoded file ({@code fps} 0; keyframes where it has them): CRF with the cap as VBV.
     */
    static Map<String, String> x264(Rung r, int fps) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("profile", "high");
        o.put("g", fps > 0 ? Integer.toString(fps) : "100000");
        if (fps > 0) {
            o.put("keyint_min", Integer.toString(fps));
        }
        o.put("sc_threshold", "0");
        o.put("flags", "+cgop");
        o.put("preset", RUNG_PRESET);
        o.put("x264-params", RUNG_X264_PARAMS);
        if (fps > 0) {
            o.put("qp", Integer.toString(r.qp()));
        } else {
            o.put("crf", Integer.toString(RUNG_CRF));
            o.put("maxrate", r.maxKbps() + "k");
            o.put("bufsize", (2 * r.maxKbps()) + "k");
        }
        o.put("threads", "1");
        return o;
    }

    /**
     * Encodes the smaller rungs of an existing segment (or a whole master) into {@code outs}, one
     * per {@link #encoded()} rung, with keyframes where the segment has them.
     */
    public static List<String> rungsOf(Path ffmpeg, Path segment, List<Path> outs) {
        check(outs);
        List<String> c = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-i", segment.toString(), "-filter_complex", filter(false)));
        for (int i = 0; i < outs.size(); i++) {
            c.addAll(rungOutput(i, 0, outs.get(i)));
        }
        return List.copyOf(c);
    }

    /**
     * Packages the ladder into {@code dir} (which exists), nothing re-encoded: the master's video
     * and audio as the top rung, and for each encoded rung its segments joined by the concat
     * demuxer ({@code lists}, one list file per {@link #encoded()} rung) with the master's audio.
     */
    public static List<String> packageCommand(Path ffmpeg, Path master, List<Path> lists, Path dir) {
        check(lists);
        List<String> c = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y",
                "-i", master.toString()));
        for (Path list : lists) {
            c.addAll(List.of("-f", "concat", "-safe", "0", "-i", list.toString()));
        }
        StringBuilder map = new StringBuilder();
        for (int i = 0; i < RUNGS.size(); i++) {
            c.addAll(List.of("-map", i + ":v:0", "-map", "0:a:0"));
            map.append(i == 0 ? "" : " ").append("v:").append(i).append(",a:").append(i).append(",name:").append(RUNGS.get(i).name());
        }
        c.addAll(List.of("-c", "copy",
                "-f", "hls", "-hls_time", Integer.toString(SEGMENT_SECONDS), "-hls_playlist_type", "vod",
                "-hls_segment_type", "fmp4", "-hls_flags", "independent_segments",
                "-master_pl_name", "master.m3u8",
                "-hls_segment_filename", dir.resolve("%v").resolve("seg_%05d.m4s").toString(),
                "-var_stream_map", map.toString(),
                dir.resolve("%v").resolve("index.m3u8").toString()));
        return List.copyOf(c);
    }

    /** The master's AAC in kbit/s: every rung carries it beside its video. */
    static final int AUDIO_KBPS = FfmpegCommands.AAC_KBPS;

    private static final java.util.regex.Pattern BANDWIDTH = java.util.regex.Pattern.compile("[:,]BANDWIDTH=(\\d+)");

    /**
     * The encoded rungs whose peak in {@code masterPlaylist} (the packager's {@code BANDWIDTH}: its
     * busiest segment, audio included) is over their cap plus the audio, as "name: peak over cap"
     * lines; empty when every rung keeps its cap. A drawn shot's rungs are encoded at constant QP
     * without VBV, so this is where the cap is enforced (the hls step then makes them at CRF with
     * VBV instead).
     */
    public static List<String> overCap(String masterPlaylist) {
        List<String> over = new ArrayList<>();
        String[] lines = masterPlaylist.split("\\R");
        for (int i = 0; i + 1 < lines.length; i++) {
            var m = BANDWIDTH.matcher(lines[i]);
            if (!lines[i].startsWith("#EXT-X-STREAM-INF:") || !m.find()) {
                continue;
            }
            long peak = Long.parseLong(m.group(1));
            String uri = lines[i + 1].strip();
            for (Rung r : encoded()) {
                long cap = 1000L * (r.maxKbps() + AUDIO_KBPS);
                if (uri.equals(r.name() + "/index.m3u8") && peak > cap) {
                    over.add(r.name() + ": " + peak / 1000 + " kbit/s at its busiest segment, over its cap of " + r.maxKbps()
                            + " + " + AUDIO_KBPS + " audio");
                }
            }
        }
        return List.copyOf(over);
    }

    private static void check(List<Path> perRung) {
        if (perRung.size() != encoded().size()) {
            throw new IllegalArgumentException("expected one file per encoded rung (" + encoded().size() + "), got " + perRung.size());
        }
    }
}
