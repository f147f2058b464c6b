package dev.tsuzuku.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ffmpeg and ffprobe command lines Tsuzuku runs, as plain values (no I/O). The first element
 * is the executable. Unit tests pin these lists exactly; {@link FfmpegProcess} runs them.
 */
public final class FfmpegCommands {
    /** Samples per second of the master's audio. */
    public static final int AUDIO_RATE = 48_000;

    /**
     * ffmpeg's AAC encoder puts 1024 priming samples in front of the audio. Without an edit list
     * no player skips them, so the mux drops the first 1024 samples of the mix instead: every
     * sample then plays at its intended time and the track ends exactly with the video.
     */
    public static final int AAC_PRIMING_SAMPLES = 1024;

    /** The master's AAC bit rate in kbit/s (every HLS rung carries the same audio). */
    public static final int AAC_KBPS = 160;

    /**
     * The master's AAC: 160 kbit/s stereo at {@link #AUDIO_RATE}, ffmpeg's constant-quantiser coder
     * ({@code fast}). The default two-loop coder took ~4× the CPU (8–9 s for the bench's 199 s mix)
     * and measured further from the mix in every band below 14 kHz (SNR 30.6 against 38.2 dB;
     * docs/decisions/0036-produce-speed-4.md); {@code AacPartsTest} keeps it so.
     */
    public static final List<String> AAC = List.of("-c:a", "aac", "-aac_coder", "fast", "-b:a", AAC_KBPS + "k",
            "-ar", Integer.toString(AUDIO_RATE), "-ac", "2");

    private FfmpegCommands() {}

    /**
     * Encodes raw yuv420p frames read from stdin (see {@link Yuv420}) into one H.264 segment (no
     * audio). The closed GOP of {@code fps} frames puts a keyframe at every second, so segments
     * concatenate cleanly.
     */
    public static List<String> encodeSegment(Path ffmpeg, int width, int height, int fps, EncodeSettings settings, Path out) {
        return encode(ffmpeg, "yuv420p", width, height, fps, settings, "-", out);
    }

    /**
     * As {@link #encodeSegment(Path, int, int, int, EncodeSettings, Path)}, and in the same process
     * the smaller rungs of the HLS ladder from the same frames ({@link HlsLadder#encoded()}, one
     * file each in {@code rungOuts}; none: the plain segment). The master's output is byte for byte
     * the plain segment's: the frames reach its encoder unchanged.
     */
    public static List<String> encodeSegment(Path ffmpeg, int width, int height, int fps, EncodeSettings settings, Path out,
                                             List<Path> rungOuts) {
        List<String> master = encodeSegment(ffmpeg, width, height, fps, settings, out);
        if (rungOuts.isEmpty()) {
            return master;
        }
        List<String> c = new ArrayList<>(master.subList(0, master.indexOf("-an")));
        c.addAll(List.of("-filter_complex", HlsLadder.filter(true), "-map", "[m]"));
        c.addAll(master.subList(master.indexOf("-an"), master.size()));
        if (rungOuts.size() != HlsLadder.encoded().size()) {
            throw new IllegalArgumentException("expected one file per encoded rung, got " + rungOuts.size());
        }
        for (int i = 0; i < rungOuts.size(); i++) {
            c.addAll(HlsLadder.rungOutput(i, fps, rungOuts.get(i)));
        }
        return List.copyOf(c);
    }

    /**
     * The master's x264 encode of a raw yuv420p file: the same settings as
     * {@link #encodeSegment}, with no colour conversion, so x264 is the only work (the baseline of
     * {@code tsuzuku bench produce}).
     */
    public static List<String> encodeRaw(Path ffmpeg, int width, int height, int fps, EncodeSettings settings, Path yuv420p, Path out) {
        return encode(ffmpeg, "yuv420p", width, height, fps, settings, yuv420p.toString(), out);
    }

    private static List<String> encode(Path ffmpeg, String pixFmt, int width, int height, int fps, EncodeSettings settings,
                                       String input, Path out) {
        String rate = Integer.toString(fps);
        List<String> c = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-y",
                "-f", "rawvideo", "-pix_fmt", pixFmt, "-s", width + "x" + height, "-r", rate, "-i", input,
                "-an", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-r", rate));
        c.addAll(args(x264(settings, fps)));
        c.addAll(List.of("-f", "mp4", out.toString()));
        return List.copyOf(c);
    }

    /**
     * The master's x264 options by ffmpeg's names, in order: what an ffmpeg process gets after
     * {@code -c:v libx264} ({@link #args}) and what {@link LibavEncoder} hands libavcodec, so both
     * encode alike. High profile, a closed GOP of {@code fps} frames (a keyframe every second, so
     * segments concatenate), the preset and CRF of {@code settings}, a 9 Mbit/s VBV.
     */
    static Map<String, String> x264(EncodeSettings settings, int fps) {
        String rate = Integer.toString(fps);
        Map<String, String> o = new LinkedHashMap<>();
        o.put("profile", "high");
        o.put("g", rate);
        o.put("keyint_min", rate);
        o.put("sc_threshold", "0");
        o.put("flags", "+cgop");
        o.put("bf", "2");
        o.put("preset", settings.preset());
        o.put("crf", Integer.toString(settings.crf()));
        o.put("maxrate", "9M");
        o.put("bufsize", "18M");
        if (settings.threads() > 0) {
            o.put("threads", Integer.toString(settings.threads()));
        }
        return o;
    }

    /** Encoder options as command-line arguments ({@code -name value}; the profile for the video stream). */
    static List<String> args(Map<String, String> options) {
        List<String> c = new ArrayList<>();
        options.forEach((k, v) -> c.addAll(List.of(k.equals("profile") ? "-profile:v" : "-" + k, v)));
        return c;
    }

    /**
     * Re-encodes a provider's clip into a segment of the master: scaled to cover
     * {@code width}×{@code height} and centre-cropped, at {@code fps}, trimmed to exactly
     * {@code frames} (a short clip holds its last frame), audio dropped, with the same x264
     * settings as {@link #encodeSegment} so it concatenates with the animatic's segments.
     */
    public static List<String> conform(Path ffmpeg, Path clip, int width, int height, int fps, int frames,
                                       EncodeSettings settings, Path out) {
        String rate = Integer.toString(fps);
        String vf = "scale=" + width + ":" + height + ":force_original_aspect_ratio=increase,crop=" + width + ":" + height
                + ",setsar=1,fps=" + rate + ",tpad=stop_mode=clone:stop=" + frames + ",trim=end_frame=" + frames
                + ",setpts=PTS-STARTPTS,format=yuv420p";
        List<String> c = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-i", clip.toString(), "-an", "-vf", vf, "-frames:v", Integer.toString(frames),
                "-c:v", "libx264", "-pix_fmt", "yuv420p", "-r", rate));
        c.addAll(args(x264(settings, fps)));
        c.addAll(List.of("-f", "mp4", out.toString()));
        return List.copyOf(c);
    }

    /** The concat demuxer's list file for these segments, in order. */
    public static String concatList(List<Path> segments) {
        StringBuilder b = new StringBuilder("ffconcat version 1.0\n");
        for (Path p : segments) {
            // The concat format quotes with single quotes; a quote inside is written as '\''.
            b.append("file '").append(p.toAbsolutePath().toString().replace("'", "'\\''")).append("'\n");
        }
        return b.toString();
    }

    /**
     * Joins the segments without re-encoding and muxes the mixed WAV as AAC, fitted to exactly
     * {@code totalFrames} of video: padded with silence or trimmed, then shifted by the AAC priming.
     * {@code +faststart} puts the moov box first; no edit lists (negative composition offsets
     * keep the first frame at time 0 instead).
     */
    public static List<String> cut(Path ffmpeg, Path concatList, Path mixWav, int totalFrames, int fps, Path out) {
        long samples = (long) totalFrames * AUDIO_RATE / fps;
        String fit = "apad=whole_len=" + samples
                + ",atrim=start_sample=" + AAC_PRIMING_SAMPLES + ":end_sample=" + samples
                + ",asetpts=PTS-STARTPTS";
        List<String> c = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "concat", "-safe", "0", "-i", concatList.toString(),
                "-i", mixWav.toString(),
                "-map", "0:v:0", "-map", "1:a:0",
                "-c:v", "copy",
                "-af", fit));
        c.addAll(AAC);
        c.addAll(List.of("-use_editlist", "0", "-movflags", "+faststart+negative_cts_offsets",
                "-f", "mp4", out.toString()));
        return List.copyOf(c);
    }

    /**
     * One part of the master's audio ({@link AacParts}): a WAV encoded with the settings of
     * {@link #cut} into a raw ADTS stream, one AAC packet per ADTS frame, so packets can be cut
     * and joined as bytes.
     */
    public static List<String> encodeAudio(Path ffmpeg, Path wav, Path out) {
        List<String> c = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-i", wav.toString()));
        c.addAll(AAC);
        c.addAll(List.of("-f", "adts", out.toString()));
        return List.copyOf(c);
    }

    /**
     * Joins the segments and an AAC track already fitted to the video ({@code packets} ADTS
     * packets, the parts of {@link AacParts} end to end), both without re-encoding. The last
     * packet's duration is cut to what is left of {@code totalFrames} (as the encoder marks it in
     * a whole-file encode), so the audio ends exactly with the video.
     */
    public static List<String> muxAac(Path ffmpeg, Path concatList, Path adts, long packets, int totalFrames, int fps, Path out) {
        long samples = (long) totalFrames * AUDIO_RATE / fps;
        long rest = samples - (packets - 1) * AacParts.PACKET;
        List<String> c = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "concat", "-safe", "0", "-i", concatList.toString(),
                "-f", "aac", "-i", adts.toString(),
                "-map", "0:v:0", "-map", "1:a:0",
                "-c:v", "copy", "-c:a", "copy"));
        if (rest > 0 && rest < AacParts.PACKET) {
            c.addAll(List.of("-bsf:a", "setts=duration=if(eq(N\\," + (packets - 1) + ")\\,round(" + rest + "/(" + AUDIO_RATE
                    + "*TB))\\,DURATION)"));
        }
        c.addAll(List.of("-use_editlist", "0", "-movflags", "+faststart+negative_cts_offsets", "-f", "mp4", out.toString()));
        return List.copyOf(c);
    }

    /** Decodes every stream and discards the result: any output on stderr is a decoding error. */
    public static List<String> decodeCheck(Path ffmpeg, Path file) {
        return List.of(ffmpeg.toString(), "-hide_banner", "-nostdin", "-v", "error", "-i", file.toString(), "-f", "null", "-");
    }

    /** Streams and container of a media file as JSON. */
    public static List<String> probe(Path ffprobe, Path file) {
        return List.of(ffprobe.toString(), "-v", "error", "-of", "json", "-show_streams", "-show_format", file.toString());
    }
}
