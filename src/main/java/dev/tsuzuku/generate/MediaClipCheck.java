package dev.tsuzuku.generate;

import dev.tsuzuku.model.TsuzukuException;
import dev.tsuzuku.render.FfmpegBinaries;
import dev.tsuzuku.render.FfmpegMediaTool;
import dev.tsuzuku.render.FfmpegProcess;
import dev.tsuzuku.render.MediaTool;
import dev.tsuzuku.render.Probe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@link ClipCheck}, with the bundled ffmpeg: the clip probes as video, decodes without
 * errors, lasts the asked duration within {@link #DURATION_TOLERANCE} (providers round: Kling's
 * 5 s take is 5.1 s), is 9:16 within {@link #RATIO_TOLERANCE}, and is not blank (some sampled
 * frame has a luma range above {@link #MIN_LUMA_RANGE}: a black or flat take is a failed take).
 */
public final class MediaClipCheck implements ClipCheck {
    /** Seconds a take may differ from the asked duration, or 15% of it when that is more. */
    public static final double DURATION_TOLERANCE = 0.6;
    /** Relative difference allowed between width/height and 9/16. */
    public static final double RATIO_TOLERANCE = 0.03;
    /** Luma levels between the darkest and brightest pixel of some frame, below which a clip is blank. */
    public static final int MIN_LUMA_RANGE = 12;

    private static final Pattern YMIN = Pattern.compile("lavfi\\.signalstats\\.YMIN=(\\d+)");
    private static final Pattern YMAX = Pattern.compile("lavfi\\.signalstats\\.YMAX=(\\d+)");

    private final MediaTool media;
    private final FfmpegProcess process;
    private final Path ffmpeg;

    public MediaClipCheck(MediaTool media, FfmpegProcess process, Path ffmpeg) {
        this.media = media;
        this.process = process;
        this.ffmpeg = ffmpeg;
    }

    /** With the bundled ffmpeg. */
    public static MediaClipCheck local() {
        FfmpegBinaries binaries = FfmpegBinaries.locate();
        return new MediaClipCheck(FfmpegMediaTool.local(), new FfmpegProcess(binaries), binaries.ffmpeg());
    }

    @Override
    public List<String> problems(Path clip, double expectedSeconds) {
        List<String> problems = new ArrayList<>();
        Probe.Media m;
        try {
            m = media.probe(clip);
        } catch (TsuzukuException e) {
            return List.of("it is not a media file: " + e.getMessage());
        }
        if (m.video().isEmpty()) {
            return List.of("it has no video stream");
        }
        Probe.Video v = m.video().get();
        double seconds = v.seconds() > 0 ? v.seconds() : m.seconds();
        double tolerance = Math.max(DURATION_TOLERANCE, expectedSeconds * 0.15);
        if (expectedSeconds > 0 && Math.abs(seconds - expectedSeconds) > tolerance) {
            problems.add(String.format(Locale.ROOT, "it lasts %.2f s, asked %.0f s", seconds, expectedSeconds));
        }
        double ratio = v.height() == 0 ? 0 : (double) v.width() / v.height();
        if (Math.abs(ratio / (9.0 / 16.0) - 1) > RATIO_TOLERANCE) {
            problems.add("it is " + v.width() + "x" + v.height() + ", not 9:16");
        }
        String errors = media.decodeErrors(clip);
        if (!errors.isBlank()) {
            problems.add("it does not decode cleanly: " + errors.lines().findFirst().orElse(errors));
            return problems;
        }
        if (blank(clip)) {
            problems.add("it is blank (every sampled frame is one flat colour)");
        }
        return problems;
    }

    private boolean blank(Path clip) {
        FfmpegProcess.Output out = process.run(List.of(ffmpeg.toString(), "-v", "error", "-nostdin", "-i",
                clip.toString(), "-vf", "fps=2,signalstats,metadata=print:file=-", "-an", "-f", "null", "-"));
        Matcher lo = YMIN.matcher(out.stdout());
        Matcher hi = YMAX.matcher(out.stdout());
        while (lo.find() && hi.find()) {
            if (Integer.parseInt(hi.group(1)) - Integer.parseInt(lo.group(1)) >= MIN_LUMA_RANGE) {
                return false;
            }
        }
        return true;
    }
}
