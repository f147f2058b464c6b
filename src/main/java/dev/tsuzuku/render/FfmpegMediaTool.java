package dev.tsuzuku.render;

import dev.tsuzuku.process.ProcessRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/** The {@link MediaTool} of the bundled (or configured) ffmpeg and ffprobe. */
public final class FfmpegMediaTool implements MediaTool {
    private final Encoder encoder;
    private final Probe probe;

    public FfmpegMediaTool(FfmpegBinaries binaries, EncodeSettings settings) {
        this(ProcessRunner.local(), binaries, settings);
    }

    public FfmpegMediaTool(ProcessRunner runner, FfmpegBinaries binaries, EncodeSettings settings) {
        FfmpegProcess process = new FfmpegProcess(runner, binaries);
        this.encoder = new Encoder(binaries, process, settings);
        this.probe = new Probe(binaries, process);
    }

    /** The machine's ffmpeg at the default settings. */
    public static FfmpegMediaTool local() {
        return new FfmpegMediaTool(FfmpegBinaries.locate(), EncodeSettings.DEFAULT);
    }

    @Override
    public EncodeSettings settings() {
        return encoder.settings();
    }

    @Override
    public void encode(FrameSource source, int fps, Path out, IntConsumer framesDone) {
        encoder.encode(source, fps, out, framesDone);
    }

    @Override
    public void conform(Path clip, int width, int height, int fps, int frames, Path out) {
        encoder.conform(clip, width, height, fps, frames, out);
    }

    @Override
    public void mux(List<Path> segments, Path mixWav, int totalFrames, int fps, Path out) {
        encoder.mux(segments, mixWav, totalFrames, fps, out);
    }

    @Override
    public void encodeAudio(Path wav, int skip, int keep, Path out) {
        encoder.encodeAudio(wav, skip, keep, out);
    }

    @Override
    public void muxAac(List<Path> segments, List<Path> aacParts, int totalFrames, int fps, Path out) {
        encoder.muxAac(segments, aacParts, totalFrames, fps, out);
    }

    @Override
    public Probe.Media probe(Path file) {
        return probe.probe(file);
    }

    @Override
    public String decodeErrors(Path file) {
        return probe.decodeErrors(file);
    }

    @Override
    public void encode(FrameSource source, int fps, Path out, List<Path> rungOuts, IntConsumer framesDone) {
        encoder.encode(source, fps, out, rungOuts, framesDone);
    }

    @Override
    public void rungs(Path segment, List<Path> rungOuts) {
        encoder.rungs(segment, rungOuts);
    }

    @Override
    public void hls(Path master, List<List<Path>> rungSegments, Path dir) {
        encoder.hls(master, rungSegments, dir);
    }
}
