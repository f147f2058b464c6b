package dev.tsuzuku.render;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.process.RunFiles;
import dev.tsuzuku.workspace.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * What produce asks of a media tool: encode frames into a segment, mux segments and a mix into a
 * master, probe a file. {@link FfmpegMediaTool} is the real one (the bundled ffmpeg); tests use a
 * fake that writes small files describing what it was asked, so produce's logic runs without
 * encoding. Both pass {@code MediaToolContract}.
 */
public interface MediaTool {

    /** The encoder's settings: part of every segment's cache key. */
    EncodeSettings settings();

    /**
     * Writes all frames of {@code source} at {@code fps} to {@code out}, which should be a
     * temporary file (a failed encode leaves it incomplete). {@code framesDone} hears every frame.
     */
    void encode(FrameSource source, int fps, Path out, IntConsumer framesDone);

    /**
     * Re-encodes a provider's video take into a segment like {@link #encode}'s: scaled and cropped
     * to {@code width}×{@code height}, at {@code fps}, exactly {@code frames} long (trimmed, or
     * holding its last frame). {@code out} should be a temporary file.
     */
    default void conform(Path clip, int width, int height, int fps, int frames, Path out) {
        throw new TsuzukuException("this media tool cannot take provider clips (" + getClass().getSimpleName() + ")");
    }

    /**
     * Joins {@code segments} (in order, without re-encoding) and the mixed WAV into a master at
     * {@code out}, with the audio fitted to exactly {@code totalFrames}. Writes {@code out}
     * directly: callers want {@link #cut}.
     */
    void mux(List<Path> segments, Path mixWav, int totalFrames, int fps, Path out);

    /** Streams, container and top-level boxes of a media file; a file that is not media is a TsuzukuException. */
    Probe.Media probe(Path file);

    /** Decoding errors for the whole file; empty when it decodes cleanly. */
    String decodeErrors(Path file);

    /**
     * Encodes {@code wav} (48 kHz stereo 16-bit) as the master's AAC and writes its packets
     * {@code skip} to {@code skip + keep} ({@code keep < 0}: to the end) to {@code out} as ADTS:
     * one part of the master's audio ({@link AacParts}).
     */
    void encodeAudio(Path wav, int skip, int keep, Path out);

    /**
     * As {@link #mux}, with the audio already encoded into {@code aacParts} (joined in order, not
     * re-encoded). Writes {@code out} directly: callers want {@link #cutAac}.
     */
    void muxAac(List<Path> segments, List<Path> aacParts, int totalFrames, int fps, Path out);

    /**
     * As {@link #encode}, and from the same frames the smaller rungs of the HLS ladder, one file
     * per {@link HlsLadder#encoded()} rung in {@code rungOuts} (temporary files too), with the
     * segment's keyframes. The segment itself is the same as {@link #encode}'s.
     */
    default void encode(FrameSource source, int fps, Path out, List<Path> rungOuts, IntConsumer framesDone) {
        encode(source, fps, out, framesDone);
        rungs(out, rungOuts);
    }

    /** The smaller rungs of an existing segment (a cached one, a provider's take) into {@code rungOuts}, as {@link #encode(FrameSource, int, Path, List, IntConsumer)} makes them. */
    void rungs(Path segment, List<Path> rungOuts);

    /**
     * Writes the HLS ladder ({@link HlsLadder}) into {@code dir}, an empty folder that should be
     * temporary (a failed run leaves it incomplete): master.m3u8 and one folder of playlist, init
     * segment and media segments per rung. The top rung is the master's video, copied; each smaller
     * rung is its segments ({@code rungSegments}, one list per encoded rung, in shot order) joined
     * without re-encoding; every rung carries the master's audio.
     */
    void hls(Path master, List<List<Path>> rungSegments, Path dir);

    /** The ladder of a finished master alone: its rungs encoded from the whole file, then packaged as {@link #hls(Path, List, Path)}. */
    default void hls(Path master, Path dir) {
        List<Path> rungs = HlsLadder.encoded().stream().map(r -> dir.resolve(".rung-" + r.name() + ".mp4")).toList();
        try {
            Files.createDirectories(dir);
            rungs(master, rungs);
            hls(master, rungs.stream().map(List::of).toList(), dir);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(dir, e);
        } finally {
            for (Path r : rungs) {
                try {
                    Files.deleteIfExists(r);
                } catch (IOException e) {
                    // inside the ladder's own temporary folder
                }
            }
        }
    }

    /**
     * Muxes the master into a temporary file owned by this run (so a run that was killed, or its
     * orphaned ffmpeg, never writes the file another run moves), probes it against {@code spec}
     * and only then moves it over {@code out}: {@code out} is the old file or a verified new one.
     * Temporary files of dead runs beside {@code out} are swept first.
     */
    default void cut(List<Path> segments, Path mixWav, MasterSpec spec, Path out) {
        verifiedCut(segments, spec, out, tmp -> mux(segments, mixWav, spec.frames(), spec.fps(), tmp));
    }

    /** As {@link #cut}, with the audio already encoded in parts ({@link #muxAac}). */
    default void cutAac(List<Path> segments, List<Path> aacParts, MasterSpec spec, Path out) {
        verifiedCut(segments, spec, out, tmp -> muxAac(segments, aacParts, spec.frames(), spec.fps(), tmp));
    }

    private void verifiedCut(List<Path> segments, MasterSpec spec, Path out, java.util.function.Consumer<Path> muxInto) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a cut needs at least one segment");
        }
        Path dir = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(dir, e);
        }
        RunFiles.sweep(dir);
        Path tmp = RunFiles.temp(out.toAbsolutePath(), ".tmp.mp4");
        try {
            muxInto.accept(tmp);
            List<String> off = Probe.offSpec(probe(tmp), spec);
            if (!off.isEmpty()) {
                throw new TsuzukuException("the new cut of " + out + " is off spec, so the old file stays:\n    "
                        + String.join("\n    ", off)
                        + "\n    (delete .tsuzuku/cache and run produce again; if it persists, report it with this output)");
            }
            AtomicFiles.move(tmp, out);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(out, e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // swept by a later run
            }
        }
    }
}
