package dev.tsuzuku.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_is_writable;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale_frame;

import dev.tsuzuku.model.TsuzukuException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Encodes a {@link FrameSource} into one H.264 segment, and from the same frames the smaller HLS
 * rungs, with the bundled libavcodec/libx264 and libswscale inside this process: the same
 * encodes as {@link FfmpegCommands#encodeSegment(Path, int, int, int, EncodeSettings, Path, List)}
 * runs in an ffmpeg process (the same x264 options, the same scaling from the rung above, square
 * pixels on the rungs), without piping every frame to it and without a process per shot
 * (docs/decisions/0039-encoding-in-process.md).
 *
 * <p>Three threads per segment, as the ffmpeg process had: a painter draws yuv420p frames into a
 * small ring; the calling thread copies each into a native frame and encodes the master; a rung
 * thread scales the same native frame and encodes the rungs. A native frame goes back to the
 * ring when both have used it.
 */
public final class LibavEncoder {
    /** Frames in flight between the painter, the master and the rungs. */
    private static final int RING = 3;

    private final EncodeSettings settings;

    public LibavEncoder(EncodeSettings settings) {
        this.settings = settings;
    }

    /**
     * Writes all frames of {@code source} at {@code fps} to {@code out} and, when {@code rungOuts}
     * is not empty, the smaller rungs ({@link HlsLadder#encoded()}, one file each). All are
     * temporary files: a failed encode leaves them incomplete. {@code framesDone} hears every
     * frame the master's encoder took.
     */
    public void encode(FrameSource source, int fps, Path out, List<Path> rungOuts, IntConsumer framesDone) {
        int w = source.width();
        int h = source.height();
        if (source.frameCount() <= 0) {
            throw new IllegalArgumentException("a segment needs at least one frame, got " + source.frameCount());
        }
        if (!rungOuts.isEmpty() && rungOuts.size() != HlsLadder.encoded().size()) {
            throw new IllegalArgumentException("expected one file per encoded rung, got " + rungOuts.size());
        }
        FrameRing painter = new FrameRing(source, RING);
        List<Slot> slots = new ArrayList<>();
        BlockingQueue<Slot> free = new ArrayBlockingQueue<>(RING);
        Rungs rungs = null;
        try (LibavOutput master = new LibavOutput(out, w, h, fps, false, FfmpegCommands.x264(settings, fps))) {
            for (int i = 0; i < RING; i++) {
                Slot s = new Slot(frame(w, h));
                slots.add(s);
                free.add(s);
            }
            if (!rungOuts.isEmpty()) {
                rungs = new Rungs(w, h, fps, rungOuts, free);
                rungs.start();
            }
            painter.start();
            for (int i = 0; i < source.frameCount(); i++) {
                byte[] yuv = painter.next(i);
                Slot s = free.take();
                if (rungs != null) {
                    rungs.check();
                }
                writable(s.frame);
                copyIn(yuv, s.frame, w, h);
                painter.giveBack(yuv);
                s.frame.pts(i);
                if (rungs != null) {
                    s.users.set(2);
                    rungs.queue.put(s);
                    master.send(s.frame);
                    s.release(free);
                } else {
                    master.send(s.frame);
                    free.put(s);
                }
                framesDone.accept(1);
            }
            master.finish();
            if (rungs != null) {
                rungs.finish();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TsuzukuException("interrupted while encoding", e);
        } finally {
            painter.stop();
            if (rungs != null) {
                rungs.stop();
            }
            for (Slot s : slots) {
                av_frame_free(s.frame);
            }
        }
    }

    /** A yuv420p frame of {@code w}×{@code h} with buffers of libav's own alignment. */
    static AVFrame frame(int w, int h) {
        AVFrame f = av_frame_alloc();
        if (f == null) {
            throw new OutOfMemoryError("av_frame_alloc");
        }
        f.format(AV_PIX_FMT_YUV420P).width(w).height(h);
        int r = av_frame_get_buffer(f, 0);
        if (r < 0) {
            av_frame_free(f);
            throw new TsuzukuException("cannot allocate a " + w + "x" + h + " frame: " + Libav.error(r));
        }
        // zeroed once, padding included, as an ffmpeg process's input is: whatever an encoder reads
        // past the picture is then the same every time (x264's own buffers are another matter:
        // docs/decisions/0039-encoding-in-process.md)
        for (int i = 0; i < 8 && f.buf(i) != null && !f.buf(i).isNull(); i++) {
            Pointer.memset(f.buf(i).data(), 0, f.buf(i).size());
        }
        return f;
    }

    /**
     * Makes sure no encoder still holds {@code f}'s buffers before they are written. libx264 copies
     * a frame when it takes it, so none does; a copy here would bring unzeroed padding (see {@link #frame}).
     */
    private static void writable(AVFrame f) {
        if (av_frame_is_writable(f) == 0) {
            throw new IllegalStateException("a frame is still held by an encoder");
        }
    }

    /** Copies a packed yuv420p frame ({@link Yuv420#frameBytes}) into {@code f}'s planes, row by row where they are padded. */
    static void copyIn(byte[] yuv, AVFrame f, int w, int h) {
        int at = 0;
        for (int p = 0; p < 3; p++) {
            int pw = p == 0 ? w : w / 2;
            int ph = p == 0 ? h : h / 2;
            int stride = f.linesize(p);
            ByteBuffer plane = f.data(p).capacity((long) stride * ph).asByteBuffer();
            if (stride == pw) {
                plane.put(0, yuv, at, pw * ph);
            } else {
                for (int y = 0; y < ph; y++) {
                    plane.put(y * stride, yuv, at + y * pw, pw);
                }
            }
            at += pw * ph;
        }
    }

    /**
     * The size the ladder's scale filter gives rung {@code r} from a {@code inW}×{@code inH}
     * picture ({@code force_original_aspect_ratio=decrease:force_divisible_by=2}, as ffmpeg 7
     * computes it: the other side rounded to the nearest multiple of 2, then both rounded down).
     */
    static int[] rungSize(HlsLadder.Rung r, int inW, int inH) {
        long tmpW = rescale(r.height(), inW, 2L * inH) * 2;
        long tmpH = rescale(r.width(), inH, 2L * inW) * 2;
        int w = (int) Math.min(tmpW, r.width());
        int h = (int) Math.min(tmpH, r.height());
        return new int[] {w / 2 * 2, h / 2 * 2};
    }

    /** swscale's flag for {@link HlsLadder#SCALING}. */
    static int scaling() {
        return switch (HlsLadder.SCALING) {
            case "bilinear" -> SWS_BILINEAR;
            default -> throw new IllegalStateException("no swscale flag for " + HlsLadder.SCALING);
        };
    }

    /** a·b/c rounded to the nearest, halves away from zero (av_rescale). */
    private static long rescale(long a, long b, long c) {
        return (a * b + c / 2) / c;
    }

    /** A native frame of the ring and how many of the master and the rungs still read it. */
    private static final class Slot {
        final AVFrame frame;
        final AtomicInteger users = new AtomicInteger();

        Slot(AVFrame frame) {
            this.frame = frame;
        }

        void release(BlockingQueue<Slot> free) {
            if (users.decrementAndGet() == 0) {
                free.add(this);
            }
        }
    }

    /** The rung thread: scales each master frame down the ladder and encodes every rung. */
    private static final class Rungs {
        private static final Slot END = new Slot(null);

        final BlockingQueue<Slot> queue = new ArrayBlockingQueue<>(RING + 1);
        private final BlockingQueue<Slot> free;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Thread thread;
        private final int inW;
        private final int inH;
        private final int fps;
        private final List<Path> outs;

        Rungs(int inW, int inH, int fps, List<Path> outs, BlockingQueue<Slot> free) {
            this.inW = inW;
            this.inH = inH;
            this.fps = fps;
            this.outs = outs;
            this.free = free;
            this.thread = new Thread(this::run, "rung-encoder");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            List<HlsLadder.Rung> ladder = HlsLadder.encoded();
            List<LibavOutput> encoders = new ArrayList<>();
            List<SwsContext> scalers = new ArrayList<>();
            List<AVFrame> frames = new ArrayList<>();
            boolean done = false;
            try {
                int w = inW;
                int h = inH;
                for (int i = 0; i < ladder.size(); i++) {
                    int[] size = rungSize(ladder.get(i), w, h);
                    SwsContext sws = sws_getContext(w, h, AV_PIX_FMT_YUV420P, size[0], size[1], AV_PIX_FMT_YUV420P, scaling(),
                            null, null, (DoublePointer) null);
                    if (sws == null || sws.isNull()) {
                        throw new TsuzukuException("cannot scale " + w + "x" + h + " to " + size[0] + "x" + size[1]);
                    }
                    scalers.add(sws);
                    frames.add(frame(size[0], size[1]));
                    encoders.add(new LibavOutput(outs.get(i), size[0], size[1], fps, true, HlsLadder.x264(ladder.get(i), fps)));
                    w = size[0];
                    h = size[1];
                }
                while (true) {
                    Slot s = queue.take();
                    if (s == END) {
                        break;
                    }
                    AVFrame from = s.frame;
                    long pts = from.pts();
                    try {
                        for (int i = 0; i < ladder.size(); i++) {
                            AVFrame to = frames.get(i);
                            writable(to);
                            int r = sws_scale_frame(scalers.get(i), to, from);
                            if (r < 0) {
                                throw new TsuzukuException("scaling a frame for the " + ladder.get(i).name() + " rung failed: " + Libav.error(r));
                            }
                            if (i == 0) {
                                s.release(free);
                                s = null;
                            }
                            to.pts(pts);
                            encoders.get(i).send(to);
                            from = to;
                        }
                    } finally {
                        if (s != null) {
                            s.release(free);
                        }
                    }
                }
                for (LibavOutput e : encoders) {
                    e.finish();
                }
                done = true;
            } catch (InterruptedException e) {
                // stopped by the master's encode (it failed or was cancelled)
            } catch (RuntimeException | Error e) {
                failure.set(e);
                drain();
            } finally {
                encoders.forEach(LibavOutput::close);
                scalers.forEach(s -> sws_freeContext(s));
                frames.forEach(f -> av_frame_free(f));
                if (!done && failure.get() == null) {
                    failure.compareAndSet(null, new TsuzukuException("the rungs' encode stopped"));
                }
            }
        }

        /** After a failure: hands every frame the master sends straight back, so the master never waits for this thread. */
        private void drain() {
            try {
                while (true) {
                    Slot s = queue.take();
                    if (s == END) {
                        return;
                    }
                    s.release(free);
                }
            } catch (InterruptedException e) {
                // stopped
            }
        }

        /** Throws the rungs' failure, if any, in the master's thread. */
        void check() {
            Throwable t = failure.get();
            if (t != null) {
                throw t instanceof TsuzukuException te ? te : new TsuzukuException("encoding the rungs failed: " + t, t);
            }
        }

        /** Ends the rungs after the last frame and waits for their files. */
        void finish() throws InterruptedException {
            queue.put(END);
            thread.join();
            check();
        }

        /** Stops the thread (a no-op after {@link #finish}) and waits for it, so its frames are no longer read. */
        void stop() {
            if (thread.isAlive()) {
                thread.interrupt();
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
