package dev.tsuzuku.render;

import dev.tsuzuku.process.ProcessRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The {@link MediaTool} of the bundled (or configured) ffmpeg and ffprobe. Drawn frames are
 * encoded inside this process by the bundled libraries ({@link LibavEncoder}) when it was made
 * so; everything else (and every encode, otherwise) runs an ffmpeg process.
 */
public final class FfmpegMediaTool implements MediaTool {
    private final Encoder encoder;
    private final LibavEncoder inProcess;
    private final Probe probe;

    public FfmpegMediaTool(FfmpegBinaries binaries, EncodeSettings settings) {
        this(ProcessRunner.local(), binaries, settings);
    }

    /** Every encode through an ffmpeg process. */
    public FfmpegMediaTool(ProcessRunner runner, FfmpegBinaries binaries, EncodeSettings settings) {
        this(runner, binaries, settings, false);
    }

    /** {@code inProcess}: drawn frames are encoded by the bundled libraries in this process ({@link LibavEncoder}). */
    public FfmpegMediaTool(ProcessRunner runner, FfmpegBinaries binaries, EncodeSettings settings, boolean inProcess) {
        FfmpegProcess process = new FfmpegProcess(runner, binaries);
        this.encoder = new Encoder(binaries, process, settings);
        this.inProcess = inProcess ? new LibavEncoder(settings) : null;
        this.probe = new Probe(binaries, process);
    }

    /**
     * The machine's ffmpeg at the default settings, encoding drawn frames in this process unless
     * the environment says otherwise ({@link #encodesInProcess}).
     */
    public static FfmpegMediaTool local() {
        return new FfmpegMediaTool(ProcessRunner.local(), FfmpegBinaries.locate(), EncodeSettings.DEFAULT,
                encodesInProcess(System.getenv()));
    }

    /**
     * Drawn frames are encoded in this process by the bundled libraries, unless {@code TSUZUKU_FFMPEG}
     * names another ffmpeg (its encoder is then the one asked for) or {@code TSUZUKU_ENCODE} is
     * {@code process} (every frame piped to an ffmpeg process, as before docs/decisions/0039).
     */
    public static boolean encodesInProcess(Map<String, String> env) {
        return env.get("TSUZUKU_FFMPEG") == null && !"process".equals(env.get("TSUZUKU_ENCODE"));
    }

    /** Whether drawn frames are encoded in this process (asked for, and the libraries load). */
    public boolean inProcess() {
        return libav() != null;
    }

    /**
     * The in-process encoder when it was asked for and the bundled libraries load into this JVM;
     * otherwise null, and the encode goes to an ffmpeg process as before ('tsuzuku doctor' says why).
     */
    private LibavEncoder libav() {
        return inProcess != null && Libav.problem().isEmpty() ? inProcess : null;
    }

    /**
     * For 'tsuzuku doctor': what encodes drawn frames here, or a TsuzukuException saying why the
     * bundled libraries cannot do it in this process.
     */
    public static String inProcessEncoder(Map<String, String> env) {
        if (!encodesInProcess(env)) {
            return "off: every encode runs an ffmpeg process (" + (env.get("TSUZUKU_FFMPEG") != null ? "TSUZUKU_FFMPEG" : "TSUZUKU_ENCODE=process")
                    + ")";
        }
        Libav.problem().ifPresent(p -> {
            throw new dev.tsuzuku.model.TsuzukuException(p);
        });
        return "libx264 in this process (drawn shots are encoded without an ffmpeg process)";
    }

    @Override
    public EncodeSettings settings() {
        return encoder.settings();
    }

    @Override
    public void encode(FrameSource source, int fps, Path out, IntConsumer framesDone) {
        LibavEncoder lib = libav();
        if (lib != null) {
            lib.encode(source, fps, out, List.of(), framesDone);
            return;
        }
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
        LibavEncoder lib = libav();
        if (lib != null) {
            lib.encode(source, fps, out, rungOuts, framesDone);
            return;
        }
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
