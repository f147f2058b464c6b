package dev.tsuzuku.render;

import dev.tsuzuku.model.TsuzukuException;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * The bundled ffmpeg's libraries loaded into this process (libavcodec with libx264, libavformat,
 * libswscale), for the encodes that would otherwise pipe every frame to an ffmpeg process
 * ({@link LibavEncoder}; docs/decisions/0039-encoding-in-process.md). Loaded once per JVM; their
 * own logging is off (every failure comes back as an error code and is reported with it).
 */
final class Libav {
    private static volatile boolean loaded;
    private static volatile String failure;

    private Libav() {}

    static void load() {
        if (loaded) {
            return;
        }
        synchronized (Libav.class) {
            if (loaded) {
                return;
            }
            if (failure != null) {
                throw new TsuzukuException(failure);
            }
            try {
                FfmpegBinaries.chooseGplBuild();
                org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avcodec.class);
                org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
                org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
                avutil.av_log_set_level(avutil.AV_LOG_QUIET);
                if (org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name("libx264") == null) {
                    failure = "the bundled ffmpeg libraries have no libx264 encoder";
                    throw new TsuzukuException(failure);
                }
            } catch (TsuzukuException e) {
                throw e;
            } catch (Throwable e) {
                failure = "cannot load the bundled ffmpeg libraries into this process (" + e.getMessage() + ")";
                throw new TsuzukuException(failure, e);
            }
            loaded = true;
        }
    }

    /** Empty when the libraries load and carry libx264; otherwise why not (asked once per JVM). */
    static java.util.Optional<String> problem() {
        try {
            load();
            return java.util.Optional.empty();
        } catch (TsuzukuException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /** av_strerror's text for an error code. */
    static String error(int code) {
        try (BytePointer b = new BytePointer(256)) {
            return avutil.av_strerror(code, b, 256) == 0 ? b.getString() : "error " + code;
        }
    }
}
