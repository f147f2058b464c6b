package dev.tsuzuku.render;

import dev.tsuzuku.model.TsuzukuException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.IntConsumer;

/**
 * Encodes a {@link FrameSource} into one H.264 segment. One thread draws frames while this one
 * pipes finished frames to ffmpeg, through a small ring of reused images, so that drawing and
 * x264 overlap on two cores and memory stays flat.
 */
public final class Encoder {
    /** Images in flight: enough to absorb jitter, few enough to keep ~6 MB each in check. */
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
        if (source.frameCount() <= 0) {
            throw new IllegalArgumentException("a segment needs at least one frame, got " + source.frameCount());
        }
        var command = FfmpegCommands.encodeSegment(binaries.ffmpeg(), source.width(), source.height(), fps, settings, out);
        process.run(command, stdin -> pipe(source, stdin, framesDone));
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
            throw new TsuzukuException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private static void pipe(FrameSource source, OutputStream stdin, IntConsumer framesDone) throws IOException {
        Yuv420 yuv = new Yuv420(source.width(), source.height());
        BlockingQueue<BufferedImage> free = new ArrayBlockingQueue<>(RING);
        BlockingQueue<Frame> drawn = new ArrayBlockingQueue<>(RING);
        for (int i = 0; i < RING; i++) {
            free.add(new BufferedImage(source.width(), source.height(), BufferedImage.TYPE_3BYTE_BGR));
        }
        Thread painter = new Thread(() -> paint(source, free, drawn), "frame-painter");
        painter.setDaemon(true);
        painter.start();
        try {
            for (int i = 0; i < source.frameCount(); i++) {
                Frame f = drawn.take();
                if (f.failure != null) {
                    throw new TsuzukuException("drawing frame " + i + " failed: " + f.failure, f.failure);
                }
                // converted here, not in ffmpeg: half the bytes through the pipe, and unchanged rows cost a compare
                stdin.write(yuv.convert(((DataBufferByte) f.image.getRaster().getDataBuffer()).getData()));
                free.put(f.image);
                framesDone.accept(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TsuzukuException("interrupted while encoding", e);
        } finally {
            painter.interrupt();
        }
    }

    private record Frame(BufferedImage image, Throwable failure) {}

    private static void paint(FrameSource source, BlockingQueue<BufferedImage> free, BlockingQueue<Frame> drawn) {
        try {
            for (int i = 0; i < source.frameCount(); i++) {
                BufferedImage img = free.take();
                try {
                    source.render(i, img);
                } catch (RuntimeException | Error e) {
                    drawn.put(new Frame(null, e));
                    return;
                }
                drawn.put(new Frame(img, null));
            }
        } catch (InterruptedException e) {
            // the encoder stopped early (ffmpeg failed or the run was cancelled)
        }
    }
}
