package dev.tsuzuku.render;

/** The media contract against the bundled ffmpeg (a few small real encodes). */
class FfmpegMediaToolTest extends MediaToolContract {
    @Override
    MediaTool tool() {
        return FfmpegMediaTool.local();
    }
}
