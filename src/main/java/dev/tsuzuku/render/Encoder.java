package dev.tsuzuku.render;

import dev.tsuzuku.workspace.AtomicFiles;
import dev.tsuzuku.model.TsuzukuException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * The ffmpeg processes of a {@link MediaTool}: cuts, audio, ladders, provider takes and, when drawn
 * frames are not encoded in this process ({@link LibavEncoder}), their segments: a painter
 * ({@link FrameRing}) draws while this thread pipes finished yuv420p frames to ffmpeg.
 */
public final class Encoder {
    /** Frames in flight between the painter and ffmpeg ({@link FrameRing}). */
    private static final int RING = 3;

    private final FfmpegBinaries binaries;
    private final FfmpegProcess process;
    private final EncodeSettings settings;

    public Encoder(FfmpegBinaries binaries, EncodeSettings settings) {
        this(binaries, new FfmpegProcess(binaries), settings);
    }

    public Encoder(FfmpegBinaries binaries, FfmpegProcess process, EncodeSettings settings) {
        this.binaries = binaries;
        this.process = process;
        this.settings = settings;
    }

    public EncodeSettings settings() {
        return settings;
    }

    /**
     * Writes all frames of {@code source} at {@code fps} to {@code out} (an .mp4 path that
     * should be a temporary file: a failed encode leaves it incomplete). {@code framesDone} hears
     * every frame handed to ffmpeg.
     */
    public void encode(FrameSource source, int fps, Path out, IntConsumer framesDone) {
        encode(source, fps, out, List.of(), framesDone);
    }

    /**
     * As {@link #encode(FrameSource, int, Path, IntConsumer)}, and in the same ffmpeg the smaller
     * rungs of the HLS ladder into {@code rungOuts} (one per {@link HlsLadder#encoded()} rung;
     * temporary files too).
     */
    public void encode(FrameSource source, int fps, Path out, List<Path> rungOuts, IntConsumer framesDone) {
        if (source.frameCount() <= 0) {
            throw new IllegalArgumentException("a segment needs at least one frame, got " + source.frameCount());
        }
        var command = FfmpegCommands.encodeSegment(binaries.ffmpeg(), source.width(), source.height(), fps, settings, out, rungOuts);
        process.run(command, stdin -> pipe(source, stdin, framesDone));
    }

    /** The smaller rungs of an existing segment or master ({@link HlsLadder#rungsOf}). */
    public void rungs(Path segment, List<Path> rungOuts) {
        process.run(HlsLadder.rungsOf(binaries.ffmpeg(), segment, rungOuts));
    }

    /**
     * Packages the ladder into {@code dir} (an empty folder) from the master and, per encoded rung,
     * its segments in order ({@link HlsLadder#packageCommand}); the concat lists are written
     * into {@code dir} (the ladder's temporary folder) and removed.
     */
    public void hls(Path master, List<List<Path>> rungSegments, Path dir) {
        List<Path> lists = new java.util.ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < rungSegments.size(); i++) {
                Path list = dir.resolve(".rung" + i + ".concat.txt");
                Files.writeString(list, FfmpegCommands.concatList(rungSegments.get(i)));
                lists.add(list);
            }
            process.run(HlsLadder.packageCommand(binaries.ffmpeg(), master, lists, dir));
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(dir, e);
        } finally {
            for (Path list : lists) {
                try {
                    Files.deleteIfExists(list);
                } catch (IOException e) {
                    // inside the ladder's temporary folder; removed with it
                }
            }
        }
    }

    /** A provider's clip as a segment of {@code frames} at {@code width}×{@code height} and {@code fps} ({@link FfmpegCommands#conform}). */
    public void conform(Path clip, int width, int height, int fps, int frames, Path out) {
        if (frames <= 0) {
            throw new IllegalArgumentException("a segment needs at least one frame, got " + frames);
        }
        process.run(FfmpegCommands.conform(binaries.ffmpeg(), clip, width, height, fps, frames, settings, out));
    }

    /**
     * Joins finished segments (in order) and the mixed WAV into a master MP4 at {@code out}, with
     * the audio fitted to exactly {@code totalFrames}. Writes {@code out} directly (the concat list
     * beside it), so {@code out} should be a temporary file: {@link MediaTool#cut} verifies it
     * before it replaces anything.
     */
    public void mux(List<Path> segments, Path mixWav, int totalFrames, int fps, Path out) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a cut needs at least one segment");
        }
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path list = dir.resolve(out.getFileName() + ".concat.txt");
            Files.writeString(list, FfmpegCommands.concatList(segments));
            try {
                process.run(FfmpegCommands.cut(binaries.ffmpeg(), list, mixWav, totalFrames, fps, out));
            } finally {
                Files.deleteIfExists(list);
            }
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(out, e);
        }
    }

    /**
     * Encodes a part of the master's audio ({@link AacParts}): the whole WAV goes to the encoder,
     * and of its packets the first {@code skip} are dropped and the next {@code keep} written to
     * {@code out} as ADTS ({@code keep < 0}: all the rest).
     */
    public void encodeAudio(Path wav, int skip, int keep, Path out) {
        Path full = out.resolveSibling(out.getFileName() + ".all.aac");
        try {
            process.run(FfmpegCommands.encodeAudio(binaries.ffmpeg(), wav, full));
            byte[] adts = Files.readAllBytes(full);
            List<Integer> at = AacParts.adtsFrames(adts, "the encoded audio of " + wav.getFileName());
            int packets = at.size() - 1;
            int end = keep < 0 ? packets : skip + keep;
            if (skip > packets || end > packets) {
                throw new TsuzukuException("the audio encoder made " + packets + " packets of " + wav.getFileName()
                        + ", expected at least " + Math.max(skip, end));
            }
            try (var o = Files.newOutputStream(out)) {
                o.write(adts, at.get(skip), at.get(end) - at.get(skip));
            }
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(out, e);
        } finally {
            try {
                Files.deleteIfExists(full);
            } catch (IOException e) {
                // a scratch file beside out; swept with it
            }
        }
    }

    /**
     * As {@link #mux}, with the audio already encoded: {@code aacParts} are ADTS streams (the
     * parts of {@link AacParts}) joined end to end and copied into the master.
     */
    public void muxAac(List<Path> segments, List<Path> aacParts, int totalFrames, int fps, Path out) {
        if (segments.isEmpty() || aacParts.isEmpty()) {
            throw new IllegalArgumentException("a cut needs at least one segment and one audio part");
        }
        try {
            Path dir = out.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path list = dir.resolve(out.getFileName() + ".concat.txt");
            Path adts = dir.resolve(out.getFileName() + ".audio.aac");
            Files.writeString(list, FfmpegCommands.concatList(segments));
            try {
                long packets = 0;
                try (var o = Files.newOutputStream(adts)) {
                    for (Path part : aacParts) {
                        byte[] b = Files.readAllBytes(part);
                        packets += AacParts.adtsFrames(b, "the audio part " + part.getFileName()).size() - 1;
                        o.write(b);
                    }
                }
                process.run(FfmpegCommands.muxAac(binaries.ffmpeg(), list, adts, packets, totalFrames, fps, out));
            } finally {
                Files.deleteIfExists(list);
                Files.deleteIfExists(adts);
            }
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(out, e);
        }
    }

    private static void pipe(FrameSource source, OutputStream stdin, IntConsumer framesDone) throws IOException {
        FrameRing ring = new FrameRing(source, RING);
        ring.start();
        try {
            for (int i = 0; i < source.frameCount(); i++) {
                byte[] yuv = ring.next(i);
                stdin.write(yuv);
                ring.giveBack(yuv);
                framesDone.accept(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TsuzukuException("interrupted while encoding", e);
        } finally {
            ring.stop();
        }
    }
}
