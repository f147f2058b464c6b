package dev.tsuzuku.render;

import dev.tsuzuku.model.TsuzukuException;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A painter thread that draws a {@link FrameSource}'s frames in order as yuv420p ({@link Yuv420}'s
 * layout) into a small ring of reused arrays, so drawing overlaps encoding and memory stays flat.
 * A {@link YuvFrameSource} writes its frames itself; any other source is drawn in BGR and
 * converted. Both encoders take their frames from here ({@link LibavEncoder}, {@link Encoder}).
 */
final class FrameRing {
    private record Drawn(byte[] yuv, Throwable failure) {}

    private final FrameSource source;
    private final BlockingQueue<byte[]> free;
    private final BlockingQueue<Drawn> drawn;
    private final Thread thread;

    /** {@code size} frames in flight: enough to absorb jitter, few enough to keep ~3 MB each in check. */
    FrameRing(FrameSource source, int size) {
        this.source = source;
        this.free = new ArrayBlockingQueue<>(size);
        this.drawn = new ArrayBlockingQueue<>(size);
        int bytes = Yuv420.frameBytes(source.width(), source.height());
        for (int i = 0; i < size; i++) {
            free.add(new byte[bytes]);
        }
        this.thread = new Thread(this::paint, "frame-painter");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void paint() {
        BufferedImage scratch = new BufferedImage(source.width(), source.height(), BufferedImage.TYPE_3BYTE_BGR);
        Yuv420 convert = source instanceof YuvFrameSource ? null : new Yuv420(source.width(), source.height());
        try {
            for (int i = 0; i < source.frameCount(); i++) {
                byte[] buf = free.take();
                try {
                    if (source instanceof YuvFrameSource ys) {
                        ys.renderYuv(i, scratch, buf);
                    } else {
                        source.render(i, scratch);
                        byte[] yuv = convert.convert(((DataBufferByte) scratch.getRaster().getDataBuffer()).getData());
                        System.arraycopy(yuv, 0, buf, 0, buf.length);
                    }
                } catch (RuntimeException | Error e) {
                    drawn.put(new Drawn(null, e));
                    return;
                }
                drawn.put(new Drawn(buf, null));
            }
        } catch (InterruptedException e) {
            // the encode stopped early (a failure or a cancelled run)
        }
    }

    /** Frame {@code index} (frames come in order); hand it back with {@link #giveBack} when it is used. */
    byte[] next(int index) throws InterruptedException {
        Drawn d = drawn.take();
        if (d.failure != null) {
            throw new TsuzukuException("drawing frame " + index + " failed: " + d.failure, d.failure);
        }
        return d.yuv;
    }

    void giveBack(byte[] yuv) {
        free.add(yuv);
    }

    /** Stops the painter (the encode ended or failed); it only ever writes the ring's own arrays. */
    void stop() {
        thread.interrupt();
    }
}
