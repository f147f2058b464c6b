package dev.tsuzuku.render;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.presets.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_count;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;

import dev.tsuzuku.model.TsuzukuException;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * One H.264 stream in its own MP4 file, encoded by the bundled libx264 inside this process: what
 * one {@code -c:v libx264 … -f mp4 out} output of the ffmpeg command line does, with the same
 * options given by the same names ({@link #options}), so the encoder gets the same settings. Not
 * thread-safe: one thread sends its frames. {@link #close} frees everything, finished or not.
 */
final class LibavOutput implements AutoCloseable {
    private final Path file;
    private AVCodecContext codec;
    private AVFormatContext format;
    private AVStream stream;
    private AVPacket packet;

    /**
     * Opens libx264 at {@code width}×{@code height} and {@code fps} with {@code options} (ffmpeg's
     * option names and values, as on its command line after {@code -c:v libx264}) and creates
     * {@code file}. {@code squarePixels}: the stream says its pixels are square (the scale filter's
     * {@code setsar=1}); otherwise it says nothing, as a raw input's stream does.
     */
    LibavOutput(Path file, int width, int height, int fps, boolean squarePixels, Map<String, String> options) {
        this.file = file;
        Libav.load();
        try {
            open(width, height, fps, squarePixels, options);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void open(int width, int height, int fps, boolean squarePixels, Map<String, String> options) {
        AVCodec x264 = avcodec_find_encoder_by_name("libx264");
        if (x264 == null) {
            throw new TsuzukuException("the bundled ffmpeg libraries have no libx264 encoder (TSUZUKU_ENCODE=process encodes through ffmpeg)");
        }
        AVFormatContext fmt = new AVFormatContext(null);
        check(avformat_alloc_output_context2(fmt, null, "mp4", file.toString()), "creating the MP4 muxer");
        this.format = fmt;
        this.codec = avcodec_alloc_context3(x264);
        this.packet = av_packet_alloc();
        codec.width(width).height(height).pix_fmt(AV_PIX_FMT_YUV420P)
                .time_base(av_make_q(1, fps)).framerate(av_make_q(fps, 1));
        if (squarePixels) {
            codec.sample_aspect_ratio(av_make_q(1, 1));
        }
        if ((format.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            codec.flags(codec.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        AVDictionary dict = new AVDictionary(null);
        try {
            for (var o : options.entrySet()) {
                check(av_dict_set(dict, o.getKey(), o.getValue(), 0), "setting " + o.getKey());
            }
            check(avcodec_open2(codec, x264, dict), "opening libx264 with " + options);
            if (av_dict_count(dict) > 0) {
                AVDictionaryEntry unknown = av_dict_get(dict, "", null, org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX);
                throw new TsuzukuException("libx264 does not know the option '" + unknown.key().getString() + "'");
            }
        } finally {
            av_dict_free(dict);
        }
        this.stream = avformat_new_stream(format, null);
        if (stream == null) {
            throw new TsuzukuException("cannot add a video stream to " + file);
        }
        check(avcodec_parameters_from_context(stream.codecpar(), codec), "describing the stream");
        stream.time_base(codec.time_base());
        stream.avg_frame_rate(av_make_q(fps, 1));
        AVIOContext pb = new AVIOContext(null);
        check(avio_open(pb, file.toString(), AVIO_FLAG_WRITE), "creating the file");
        format.pb(pb);
        check(avformat_write_header(format, (AVDictionary) null), "writing the MP4 header");
    }

    /** Encodes {@code frame} (yuv420p at this output's size; its {@code pts} counts frames). */
    void send(AVFrame frame) {
        check(avcodec_send_frame(codec, frame), "encoding a frame");
        drain();
    }

    /** Flushes the encoder's delayed frames and finishes the file. */
    void finish() {
        check(avcodec_send_frame(codec, null), "flushing the encoder");
        drain();
        check(av_write_trailer(format), "finishing the MP4");
    }

    private void drain() {
        while (true) {
            int r = avcodec_receive_packet(codec, packet);
            if (r == AVERROR_EAGAIN() || r == AVERROR_EOF) {
                return;
            }
            check(r, "encoding a frame");
            av_packet_rescale_ts(packet, codec.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            check(av_interleaved_write_frame(format, packet), "writing a frame");
        }
    }

    private void check(int code, String doing) {
        if (code < 0) {
            throw new TsuzukuException(doing + " for " + file.getFileName() + " failed: " + Libav.error(code));
        }
    }

    @Override
    public void close() {
        // an unfinished file stays incomplete (no trailer): the caller deletes it
        if (format != null && !format.isNull()) {
            AVIOContext pb = format.pb();
            if (pb != null && !pb.isNull()) {
                avio_closep(pb);
                format.pb(null);
            }
            avformat_free_context(format);
            format = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
    }
}
