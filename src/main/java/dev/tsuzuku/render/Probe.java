package dev.tsuzuku.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.workspace.Json;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What ffprobe says about a media file, and whether a finished episode meets the master spec
 * (H.264 High yuv420p, constant fps, AAC-LC 48 kHz stereo as long as the video, moov first).
 */
public final class Probe {
    private final FfmpegBinaries binaries;
    private final FfmpegProcess process;

    public Probe(FfmpegBinaries binaries) {
        this(binaries, new FfmpegProcess(binaries));
    }

    public Probe(FfmpegBinaries binaries, FfmpegProcess process) {
        this.binaries = binaries;
        this.process = process;
    }

    public record Video(String codec, String profile, String pixFmt, int width, int height,
                        String rFrameRate, String avgFrameRate, long frames, double seconds) {}

    public record Audio(String codec, String profile, int sampleRate, int channels, long samples, double seconds) {}

    /**
     * A probed file: its container duration, its first video and audio streams, if any, and the
     * top-level box types of an MP4 in order (empty for other containers).
     */
    public record Media(String format, double seconds, Optional<Video> video, Optional<Audio> audio, List<String> boxes) {
        public Media {
            boxes = List.copyOf(boxes);
        }

        public Media(String format, double seconds, Optional<Video> video, Optional<Audio> audio) {
            this(format, seconds, video, audio, List.of());
        }
    }

    public Media probe(Path file) {
        String json = process.run(FfmpegCommands.probe(binaries.ffprobe(), file)).stdout();
        Media m = parse(json);
        return m.format().contains("mp4") ? new Media(m.format(), m.seconds(), m.video(), m.audio(), topLevelBoxes(file)) : m;
    }

    /** Decoding errors ffmpeg reports for the whole file; empty when it decodes cleanly. */
    public String decodeErrors(Path file) {
        return process.run(FfmpegCommands.decodeCheck(binaries.ffmpeg(), file)).stderr().strip();
    }

    static Media parse(String ffprobeJson) {
        JsonNode root;
        try {
            root = Json.mapper().readTree(ffprobeJson);
        } catch (IOException e) {
            throw new TsuzukuException("ffprobe printed something that is not JSON: " + e.getMessage(), e);
        }
        Video video = null;
        Audio audio = null;
        for (JsonNode s : root.path("streams")) {
            String type = s.path("codec_type").asText();
            if (type.equals("video") && video == null) {
                video = new Video(s.path("codec_name").asText(), s.path("profile").asText(), s.path("pix_fmt").asText(),
                        s.path("width").asInt(), s.path("height").asInt(),
                        s.path("r_frame_rate").asText(), s.path("avg_frame_rate").asText(),
                        s.path("nb_frames").asLong(), s.path("duration").asDouble());
            } else if (type.equals("audio") && audio == null) {
                audio = new Audio(s.path("codec_name").asText(), s.path("profile").asText(),
                        s.path("sample_rate").asInt(), s.path("channels").asInt(),
                        s.path("duration_ts").asLong(), s.path("duration").asDouble());
            }
        }
        JsonNode f = root.path("format");
        return new Media(f.path("format_name").asText(), f.path("duration").asDouble(),
                Optional.ofNullable(video), Optional.ofNullable(audio));
    }

    /**
     * Every way {@code m} misses the master spec for {@code frames} frames of
     * {@code width}×{@code height} at {@code fps}; empty when the file is on spec.
     */
    public static List<String> deviations(Media m, int width, int height, int fps, int frames) {
        List<String> off = new ArrayList<>();
        if (m.video().isEmpty()) {
            off.add("no video stream");
        } else {
            Video v = m.video().get();
            expect(off, "video codec", "h264", v.codec());
            expect(off, "video profile", "High", v.profile());
            expect(off, "pixel format", "yuv420p", v.pixFmt());
            expect(off, "size", width + "x" + height, v.width() + "x" + v.height());
            expect(off, "r_frame_rate", fps + "/1", v.rFrameRate());
            expect(off, "avg_frame_rate", fps + "/1", v.avgFrameRate());
            expect(off, "video frames", Long.toString(frames), Long.toString(v.frames()));
        }
        if (m.audio().isEmpty()) {
            off.add("no audio stream");
        } else {
            Audio a = m.audio().get();
            expect(off, "audio codec", "aac", a.codec());
            expect(off, "audio profile", "LC", a.profile());
            expect(off, "sample rate", Integer.toString(FfmpegCommands.AUDIO_RATE), Integer.toString(a.sampleRate()));
            expect(off, "audio channels", "2", Integer.toString(a.channels()));
            double videoSeconds = (double) frames / fps;
            if (Math.abs(a.seconds() - videoSeconds) > 1.0 / fps) {
                off.add(String.format("audio lasts %.3f s but the video %.3f s (allowed: one frame)", a.seconds(), videoSeconds));
            }
        }
        return off;
    }

    /**
     * {@link #deviations} plus the container: the moov box must come before mdat (faststart), so a
     * player can start before the whole file has arrived.
     */
    public static List<String> offSpec(Media m, MasterSpec spec) {
        List<String> off = new ArrayList<>(deviations(m, spec.width(), spec.height(), spec.fps(), spec.frames()));
        List<String> boxes = m.boxes();
        if (boxes.indexOf("moov") < 0 || boxes.indexOf("moov") > boxes.indexOf("mdat")) {
            off.add("moov box is not before mdat (no faststart): " + boxes);
        }
        return off;
    }

    private static void expect(List<String> off, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            off.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    /** The top-level box types of an MP4 file in order, e.g. [ftyp, moov, free, mdat]. */
    public static List<String> topLevelBoxes(Path mp4) {
        List<String> boxes = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(mp4); DataInputStream in = new DataInputStream(raw)) {
            long size = Files.size(mp4);
            long pos = 0;
            byte[] type = new byte[4];
            while (pos + 8 <= size) {
                long boxSize = Integer.toUnsignedLong(in.readInt());
                in.readFully(type);
                long header = 8;
                if (boxSize == 1) {
                    boxSize = in.readLong();
                    header = 16;
                } else if (boxSize == 0) {
                    boxSize = size - pos;
                }
                if (boxSize < header) {
                    throw new TsuzukuException(mp4 + ": broken MP4 box at byte " + pos);
                }
                boxes.add(new String(type, StandardCharsets.ISO_8859_1));
                in.skipNBytes(boxSize - header);
                pos += boxSize;
            }
        } catch (IOException e) {
            throw new TsuzukuException("cannot read " + mp4 + ": " + e.getMessage(), e);
        }
        return boxes;
    }
}
