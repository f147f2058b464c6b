package dev.tsuzuku.render;

import dev.tsuzuku.model.TsuzukuException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.zip.CRC32;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * A {@link MediaTool} that encodes nothing: a "segment" or "master" is a small text file that
 * describes what it was asked (size, rate, frames, a checksum of the pixels it was shown), and
 * {@link #probe} reads that back as ffprobe would describe the real file. Every frame is still
 * drawn and counted, so produce's logic — what is drawn, reused, joined, verified — runs in
 * milliseconds. Passes {@link MediaToolContract} like the real one.
 */
public final class FakeMediaTool implements MediaTool {
    private static final String MAGIC = "fake-media 1";

    public final AtomicInteger encodes = new AtomicInteger();
    public final AtomicInteger muxes = new AtomicInteger();
    public final AtomicInteger audioEncodes = new AtomicInteger();
    public final AtomicInteger ladders = new AtomicInteger();
    /** Rungs made from a finished file (not in the same pass as the segment). */
    public final AtomicInteger rungsFromFiles = new AtomicInteger();
    /** The BANDWIDTH the master playlist gives a rung made with its segments (constant QP); rungs made from a file get 1. */
    public volatile long withSegmentBandwidth = 1;
    /** The BANDWIDTH the master playlist gives a rung made from a file (CRF with the cap as VBV). */
    public volatile long fromFileBandwidth = 1;

    @Override
    public EncodeSettings settings() {
        return EncodeSettings.DEFAULT;
    }

    @Override
    public void encode(FrameSource source, int fps, Path out, IntConsumer framesDone) {
        if (source.frameCount() <= 0) {
            throw new IllegalArgumentException("a segment needs at least one frame, got " + source.frameCount());
        }
        encodes.incrementAndGet();
        BufferedImage img = new BufferedImage(source.width(), source.height(), BufferedImage.TYPE_3BYTE_BGR);
        CRC32 pixels = new CRC32();
        for (int i = 0; i < source.frameCount(); i++) {
            source.render(i, img);
            pixels.update(((DataBufferByte) img.getRaster().getDataBuffer()).getData());
            framesDone.accept(1);
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("kind", "segment");
        d.put("size", source.width() + "x" + source.height());
        d.put("fps", Integer.toString(fps));
        d.put("frames", Integer.toString(source.frameCount()));
        d.put("pixels", Long.toHexString(pixels.getValue()));
        write(out, d);
    }

    @Override
    public void mux(List<Path> segments, Path mixWav, int totalFrames, int fps, Path out) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a cut needs at least one segment");
        }
        muxes.incrementAndGet();
        long frames = 0;
        String size = null;
        CRC32 pixels = new CRC32();
        for (Path s : segments) {
            Map<String, String> d = read(s);
            if (!"segment".equals(d.get("kind")) || size != null && !size.equals(d.get("size"))) {
                throw new TsuzukuException("fake ffmpeg failed (exit 1)\n    " + s + ": not a segment of this cut");
            }
            size = d.get("size");
            frames += Long.parseLong(d.get("frames"));
            pixels.update(d.get("pixels").getBytes());
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("kind", "master");
        d.put("size", size);
        d.put("fps", Integer.toString(fps));
        d.put("frames", Long.toString(frames)); // the video is copied: as many frames as the segments have
        d.put("audio-samples", Long.toString((long) totalFrames * FfmpegCommands.AUDIO_RATE / fps)); // fitted to the cut
        if (mixWav != null) {
            d.put("mix-seconds", Double.toString(wavSeconds(mixWav)));
        }
        d.put("pixels", Long.toHexString(pixels.getValue()));
        write(out, d);
    }

    /** An audio part: as many packets as a real encode of that WAV would keep, and a checksum of its sound. */
    @Override
    public void encodeAudio(Path wav, int skip, int keep, Path out) {
        audioEncodes.incrementAndGet();
        long samples = Math.round(wavSeconds(wav) * FfmpegCommands.AUDIO_RATE);
        long packets = (samples + FfmpegCommands.AAC_PRIMING_SAMPLES + AacParts.PACKET - 1) / AacParts.PACKET;
        long kept = keep < 0 ? packets - skip : keep;
        if (skip > packets || skip + kept > packets) {
            throw new TsuzukuException("fake ffmpeg made " + packets + " packets of " + wav + ", asked for " + skip + "+" + keep);
        }
        CRC32 sound = new CRC32();
        try {
            sound.update(Files.readAllBytes(wav));
        } catch (IOException e) {
            throw new TsuzukuException("fake ffmpeg failed (exit 1)\n    " + wav + ": " + e.getMessage(), e);
        }
        Map<String, String> d = new LinkedHashMap<>();
        d.put("kind", "aac");
        d.put("packets", Long.toString(kept));
        d.put("sound", Long.toHexString(sound.getValue()));
        write(out, d);
    }

    @Override
    public void muxAac(List<Path> segments, List<Path> aacParts, int totalFrames, int fps, Path out) {
        long packets = 0;
        for (Path p : aacParts) {
            Map<String, String> d = read(p);
            if (!"aac".equals(d.get("kind"))) {
                throw new TsuzukuException("fake ffmpeg failed (exit 1)\n    " + p + ": not an audio part");
            }
            packets += Long.parseLong(d.get("packets"));
        }
        mux(segments, null, totalFrames, fps, out);
        Map<String, String> d = read(out);
        long samples = (long) totalFrames * FfmpegCommands.AUDIO_RATE / fps;
        // the last packet is cut to the video's end, as the real mux does
        d.put("audio-samples", Long.toString(Math.min(samples, packets * AacParts.PACKET)));
        d.put("audio-packets", Long.toString(packets));
        d.put("audio-parts", Integer.toString(aacParts.size()));
        write(out, d);
    }

    @Override
    public Probe.Media probe(Path file) {
        Map<String, String> d = read(file);
        String[] size = d.get("size").split("x");
        int fps = Integer.parseInt(d.get("fps"));
        long frames = Long.parseLong(d.get("frames"));
        double seconds = (double) frames / fps;
        Probe.Video video = new Probe.Video("h264", "High", "yuv420p", Integer.parseInt(size[0]), Integer.parseInt(size[1]),
                fps + "/1", fps + "/1", frames, seconds);
        Optional<Probe.Audio> audio = Optional.ofNullable(d.get("audio-samples")).map(Long::parseLong).map(samples ->
                new Probe.Audio("aac", "LC", FfmpegCommands.AUDIO_RATE, 2, samples, (double) samples / FfmpegCommands.AUDIO_RATE));
        List<String> boxes = d.get("kind").equals("master") ? List.of("ftyp", "moov", "free", "mdat") : List.of("ftyp", "free", "mdat", "moov");
        return new Probe.Media("mov,mp4,m4a,3gp,3g2,mj2", seconds, Optional.of(video), audio, boxes);
    }

    @Override
    public String decodeErrors(Path file) {
        try {
            read(file);
            return "";
        } catch (TsuzukuException e) {
            return e.getMessage();
        }
    }

    /** A segment and, from the same frames, one fake file per smaller rung (the segment's description at the rung's size). */
    @Override
    public void encode(FrameSource source, int fps, Path out, List<Path> rungOuts, IntConsumer framesDone) {
        encode(source, fps, out, framesDone);
        writeRungs(out, rungOuts, "with-segment");
    }

    /** The rungs of a finished segment or master, made from the file. */
    @Override
    public void rungs(Path segment, List<Path> rungOuts) {
        rungsFromFiles.incrementAndGet();
        writeRungs(segment, rungOuts, "from-file");
    }

    private static void writeRungs(Path segment, List<Path> rungOuts, String how) {
        Map<String, String> d = read(segment);
        List<HlsLadder.Rung> rungs = HlsLadder.encoded();
        if (rungOuts.size() != rungs.size()) {
            throw new IllegalArgumentException("expected one file per encoded rung, got " + rungOuts.size());
        }
        for (int i = 0; i < rungs.size(); i++) {
            Map<String, String> r = new LinkedHashMap<>(d);
            r.put("kind", "rung");
            r.put("rung", rungs.get(i).name());
            r.put("made", how);
            write(rungOuts.get(i), r);
        }
    }

    /**
     * A playlist per rung naming one fake segment per shot (which says what it holds), and the
     * master playlist naming the rungs; the smaller rungs must be rung files of the right rung.
     */
    @Override
    public void hls(Path master, List<List<Path>> rungSegments, Path dir) {
        Map<String, String> d = read(master);
        ladders.incrementAndGet();
        List<HlsLadder.Rung> encoded = HlsLadder.encoded();
        StringBuilder top = new StringBuilder("#EXTM3U\n");
        for (HlsLadder.Rung r : HlsLadder.RUNGS) {
            boolean withSegment = !r.copied() && rungSegments.get(encoded.indexOf(r)).stream()
                    .anyMatch(seg -> "with-segment".equals(read(seg).get("made")));
            top.append("#EXT-X-STREAM-INF:BANDWIDTH=").append(withSegment ? withSegmentBandwidth : r.copied() ? 1 : fromFileBandwidth).append(",RESOLUTION=")
                    .append(r.width()).append('x').append(r.height()).append('\n')
                    .append(r.name()).append("/index.m3u8\n");
            List<Map<String, String>> parts = new java.util.ArrayList<>();
            if (r.copied()) {
                parts.add(new LinkedHashMap<>(d));
            } else {
                for (Path seg : rungSegments.get(encoded.indexOf(r))) {
                    Map<String, String> part = read(seg);
                    if (!"rung".equals(part.get("kind")) || !r.name().equals(part.get("rung"))) {
                        throw new TsuzukuException("fake ffmpeg failed (exit 1)\n    " + seg + ": not a segment of the " + r.name() + " rung");
                    }
                    parts.add(part);
                }
            }
            StringBuilder playlist = new StringBuilder("#EXTM3U\n#EXT-X-PLAYLIST-TYPE:VOD\n#EXT-X-MAP:URI=\"init_0.mp4\"\n");
            for (int i = 0; i < parts.size(); i++) {
                Map<String, String> seg = parts.get(i);
                seg.put("kind", "hls-segment");
                seg.put("rung", r.name());
                String name = String.format(java.util.Locale.ROOT, "seg_%05d.m4s", i);
                write(dir.resolve(r.name()).resolve(name), seg);
                playlist.append("#EXTINF:2.0,\n").append(name).append('\n');
            }
            try {
                Files.writeString(dir.resolve(r.name()).resolve("index.m3u8"), playlist.append("#EXT-X-ENDLIST\n"));
            } catch (IOException e) {
                throw new TsuzukuException("cannot write " + dir + ": " + e.getMessage(), e);
            }
        }
        try {
            Files.writeString(dir.resolve("master.m3u8"), top);
        } catch (IOException e) {
            throw new TsuzukuException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    /** What the fake wrote into {@code file}: kind, size, fps, frames, pixels … */
    public static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new TsuzukuException("fake ffprobe failed (exit 1)\n    " + file + ": " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(MAGIC)) {
            throw new TsuzukuException("fake ffprobe failed (exit 1)\n    " + file + ": Invalid data found when processing input");
        }
        if (!lines.get(lines.size() - 1).equals("end")) {
            throw new TsuzukuException("fake ffprobe failed (exit 1)\n    " + file + ": truncated (moov atom not found)");
        }
        Map<String, String> d = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size() - 1)) {
            int sp = l.indexOf(' ');
            d.put(l.substring(0, sp), l.substring(sp + 1));
        }
        return d;
    }

    private static void write(Path out, Map<String, String> d) {
        StringBuilder b = new StringBuilder(MAGIC).append('\n');
        d.forEach((k, v) -> b.append(k).append(' ').append(v).append('\n'));
        b.append("end\n");
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, b);
        } catch (IOException e) {
            throw new TsuzukuException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static double wavSeconds(Path wav) {
        try {
            AudioFileFormat f = AudioSystem.getAudioFileFormat(wav.toFile());
            return f.getFrameLength() / (double) f.getFormat().getFrameRate();
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new TsuzukuException("fake ffmpeg failed (exit 1)\n    " + wav + ": Invalid data found when processing input", e);
        }
    }
}
